using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeadAgent.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ImportProvenance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ImportRunId",
                table: "Leads",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ImportRunId",
                table: "Contacts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ImportRunId",
                table: "Companies",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ImportRunId",
                table: "Leads");

            migrationBuilder.DropColumn(
                name: "ImportRunId",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "ImportRunId",
                table: "Companies");
        }
    }
}
