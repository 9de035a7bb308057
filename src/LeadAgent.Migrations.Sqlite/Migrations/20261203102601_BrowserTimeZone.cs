using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeadAgent.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BrowserTimeZone : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "TimeZoneChosen",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Someone whose zone is not the default chose it: the browser's zone must not replace it.
            migrationBuilder.Sql(
                "UPDATE \"AspNetUsers\" SET \"TimeZoneChosen\" = 1 WHERE \"TimeZone\" <> 'UTC'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TimeZoneChosen",
                table: "AspNetUsers");
        }
    }
}
