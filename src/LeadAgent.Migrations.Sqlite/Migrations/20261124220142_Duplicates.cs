using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeadAgent.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Duplicates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DuplicatesFound",
                table: "ImportRuns",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "MergedIntoId",
                table: "Contacts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "MergedIntoId",
                table: "Companies",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DuplicatePairs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Confidence = table.Column<int>(type: "INTEGER", nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DetectedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolvedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DuplicatePairs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MergeRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SurvivorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LoserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SurvivorLabel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LoserLabel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PairId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SurvivorBefore = table.Column<string>(type: "TEXT", nullable: false),
                    LoserBefore = table.Column<string>(type: "TEXT", nullable: false),
                    Moved = table.Column<string>(type: "TEXT", nullable: false),
                    MergedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    MergedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UndoneAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UndoneBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MergeRecords", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DuplicatePairs_BId",
                table: "DuplicatePairs",
                column: "BId");

            migrationBuilder.CreateIndex(
                name: "IX_DuplicatePairs_Kind_AId_BId",
                table: "DuplicatePairs",
                columns: new[] { "Kind", "AId", "BId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DuplicatePairs_Kind_Status_Confidence",
                table: "DuplicatePairs",
                columns: new[] { "Kind", "Status", "Confidence" });

            migrationBuilder.CreateIndex(
                name: "IX_MergeRecords_MergedAt",
                table: "MergeRecords",
                column: "MergedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DuplicatePairs");

            migrationBuilder.DropTable(
                name: "MergeRecords");

            migrationBuilder.DropColumn(
                name: "DuplicatesFound",
                table: "ImportRuns");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "Companies");
        }
    }
}
