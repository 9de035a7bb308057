using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeadAgent.Migrations.Postgres.Migrations
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
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Note"); // existing notes are plain notes

            migrationBuilder.AddColumn<DateTime>(
                name: "OccurredAt",
                table: "Notes",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "Notes",
                type: "character varying(100)",
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
