using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeadAgent.Migrations.Postgres.Migrations
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
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Someone whose zone is not the default chose it: the browser's zone must not replace it.
            migrationBuilder.Sql(
                "UPDATE \"AspNetUsers\" SET \"TimeZoneChosen\" = TRUE WHERE \"TimeZone\" <> 'UTC'");
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
