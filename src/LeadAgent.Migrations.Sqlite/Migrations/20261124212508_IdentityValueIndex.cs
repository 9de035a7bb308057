using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeadAgent.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IdentityValueIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ContactIdentities_Kind_Value",
                table: "ContactIdentities");

            migrationBuilder.CreateIndex(
                name: "IX_ContactIdentities_Value",
                table: "ContactIdentities",
                column: "Value");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ContactIdentities_Value",
                table: "ContactIdentities");

            migrationBuilder.CreateIndex(
                name: "IX_ContactIdentities_Kind_Value",
                table: "ContactIdentities",
                columns: new[] { "Kind", "Value" });
        }
    }
}
