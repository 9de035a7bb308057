using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeadAgent.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class InboxReadState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Conversations_UnreadCount",
                table: "Conversations");

            migrationBuilder.RenameColumn(
                name: "UnreadCount",
                table: "Conversations",
                newName: "InboundCount");

            migrationBuilder.CreateTable(
                name: "ConversationReads",
                columns: table => new
                {
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ReadInboundCount = table.Column<int>(type: "integer", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConversationReads", x => new { x.ConversationId, x.UserId });
                    table.ForeignKey(
                        name: "FK_ConversationReads_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConversationReads_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_InboundCount",
                table: "Conversations",
                column: "InboundCount",
                filter: "\"InboundCount\" > 0");

            migrationBuilder.CreateIndex(
                name: "IX_ConversationReads_UserId",
                table: "ConversationReads",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConversationReads");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_InboundCount",
                table: "Conversations");

            migrationBuilder.RenameColumn(
                name: "InboundCount",
                table: "Conversations",
                newName: "UnreadCount");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_UnreadCount",
                table: "Conversations",
                column: "UnreadCount",
                filter: "\"UnreadCount\" > 0");
        }
    }
}
