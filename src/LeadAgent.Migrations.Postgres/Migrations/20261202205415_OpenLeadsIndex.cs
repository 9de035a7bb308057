using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeadAgent.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OpenLeadsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Leads_Status_OwnerId_Score_Id",
                table: "Leads");

            migrationBuilder.CreateIndex(
                name: "IX_Leads_Status_OwnerId_Score_Id",
                table: "Leads",
                columns: new[] { "Status", "OwnerId", "Score", "Id" },
                filter: "\"ArchivedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Leads_Status_OwnerId_Score_Id",
                table: "Leads");

            migrationBuilder.CreateIndex(
                name: "IX_Leads_Status_OwnerId_Score_Id",
                table: "Leads",
                columns: new[] { "Status", "OwnerId", "Score", "Id" });
        }
    }
}
