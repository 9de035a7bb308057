using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeadAgent.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ScoringLocal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "ClientSimilarity",
                table: "CompanyFits",
                type: "REAL",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LeadScoreEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LeadId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    Band = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Factors = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    WeightsVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    IcpVersion = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeadScoreEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LeadScoreEntries_Leads_LeadId",
                        column: x => x.LeadId,
                        principalTable: "Leads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LeadScoreEntries_LeadId_At",
                table: "LeadScoreEntries",
                columns: new[] { "LeadId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LeadScoreEntries");

            migrationBuilder.DropColumn(
                name: "ClientSimilarity",
                table: "CompanyFits");
        }
    }
}
