using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeadAgent.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NoteActivities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Notes",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "Note"); // existing notes are plain notes

            migrationBuilder.AddColumn<DateTime>(
                name: "OccurredAt",
                table: "Notes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "Notes",
                type: "TEXT",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Notes");

            migrationBuilder.DropColumn(
                name: "OccurredAt",
                table: "Notes");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "Notes");
        }
    }
}
