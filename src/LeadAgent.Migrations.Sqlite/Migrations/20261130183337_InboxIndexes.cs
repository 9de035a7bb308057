using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeadAgent.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InboxIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Conversations_Match",
                table: "Conversations",
                column: "Match",
                filter: "\"Match\" <> 'Matched'");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_UnreadCount",
                table: "Conversations",
                column: "UnreadCount",
                filter: "\"UnreadCount\" > 0");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_UpdatedAt",
                table: "Conversations",
                column: "UpdatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Conversations_Match",
                table: "Conversations");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_UnreadCount",
                table: "Conversations");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_UpdatedAt",
                table: "Conversations");
        }
    }
}
