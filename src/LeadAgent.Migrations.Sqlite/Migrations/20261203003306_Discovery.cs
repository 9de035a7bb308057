using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeadAgent.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Discovery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Campaigns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Segments = table.Column<string>(type: "TEXT", nullable: false),
                    Regions = table.Column<string>(type: "TEXT", nullable: false),
                    Keywords = table.Column<string>(type: "TEXT", nullable: false),
                    DirectoryUrls = table.Column<string>(type: "TEXT", nullable: false),
                    SeedDomains = table.Column<string>(type: "TEXT", nullable: false),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    MaxQueriesPerRun = table.Column<int>(type: "INTEGER", nullable: false),
                    ResultPagesPerQuery = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxPagesPerSite = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxNewPerRun = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxNewPerDay = table.Column<int>(type: "INTEGER", nullable: false),
                    MonthlyQueryBudget = table.Column<int>(type: "INTEGER", nullable: false),
                    AlertAfterEmptyRuns = table.Column<int>(type: "INTEGER", nullable: false),
                    Schedule = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Paused = table.Column<bool>(type: "INTEGER", nullable: false),
                    NextRunAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Campaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DiscoveryAlerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SendAttempts = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DiscoveryAlerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DiscoveryRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Plan = table.Column<string>(type: "TEXT", nullable: false),
                    NextQuery = table.Column<int>(type: "INTEGER", nullable: false),
                    NextList = table.Column<int>(type: "INTEGER", nullable: false),
                    Queries = table.Column<int>(type: "INTEGER", nullable: false),
                    Results = table.Column<int>(type: "INTEGER", nullable: false),
                    Sites = table.Column<int>(type: "INTEGER", nullable: false),
                    RobotsBlocked = table.Column<int>(type: "INTEGER", nullable: false),
                    Unreachable = table.Column<int>(type: "INTEGER", nullable: false),
                    PagesFetched = table.Column<int>(type: "INTEGER", nullable: false),
                    Researched = table.Column<int>(type: "INTEGER", nullable: false),
                    MatchedExisting = table.Column<int>(type: "INTEGER", nullable: false),
                    New = table.Column<int>(type: "INTEGER", nullable: false),
                    Cost = table.Column<int>(type: "INTEGER", nullable: false),
                    StopReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Warnings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CancelRequested = table.Column<bool>(type: "INTEGER", nullable: false),
                    PauseRequested = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LeaseUntil = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DiscoveryRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DomainVerdicts",
                columns: table => new
                {
                    Domain = table.Column<string>(type: "TEXT", maxLength: 253, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Blocked = table.Column<bool>(type: "INTEGER", nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DomainVerdicts", x => x.Domain);
                });

            migrationBuilder.CreateTable(
                name: "QueryStats",
                columns: table => new
                {
                    Query = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Runs = table.Column<int>(type: "INTEGER", nullable: false),
                    Results = table.Column<int>(type: "INTEGER", nullable: false),
                    NewCompanies = table.Column<int>(type: "INTEGER", nullable: false),
                    LastRunAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Dropped = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QueryStats", x => x.Query);
                });

            migrationBuilder.CreateTable(
                name: "SegmentKeywords",
                columns: table => new
                {
                    Segment = table.Column<string>(type: "TEXT", nullable: false),
                    German = table.Column<string>(type: "TEXT", nullable: false),
                    English = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SegmentKeywords", x => x.Segment);
                });

            migrationBuilder.CreateTable(
                name: "Prospects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Domain = table.Column<string>(type: "TEXT", maxLength: 253, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    FoundBy = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FoundVia = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Snippet = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    Research = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Pages = table.Column<int>(type: "INTEGER", nullable: false),
                    ResearchedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LegalName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    VatId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Register = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Segment = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Profile = table.Column<string>(type: "TEXT", nullable: false),
                    CompanyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MatchEvidence = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Review = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RejectReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReviewedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LeadId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Prospects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Prospects_DiscoveryRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "DiscoveryRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProspectPages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProspectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    FetchedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProspectPages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProspectPages_Prospects_ProspectId",
                        column: x => x.ProspectId,
                        principalTable: "Prospects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_Name",
                table: "Campaigns",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_NextRunAt",
                table: "Campaigns",
                column: "NextRunAt");

            migrationBuilder.CreateIndex(
                name: "IX_DiscoveryAlerts_CreatedAt",
                table: "DiscoveryAlerts",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_DiscoveryAlerts_SentAt",
                table: "DiscoveryAlerts",
                column: "SentAt");

            migrationBuilder.CreateIndex(
                name: "IX_DiscoveryRuns_CampaignId_CreatedAt",
                table: "DiscoveryRuns",
                columns: new[] { "CampaignId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DiscoveryRuns_Status_LeaseUntil",
                table: "DiscoveryRuns",
                columns: new[] { "Status", "LeaseUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_ProspectPages_ProspectId",
                table: "ProspectPages",
                column: "ProspectId");

            migrationBuilder.CreateIndex(
                name: "IX_Prospects_CompanyId",
                table: "Prospects",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_Prospects_Domain",
                table: "Prospects",
                column: "Domain");

            migrationBuilder.CreateIndex(
                name: "IX_Prospects_Review_CreatedAt",
                table: "Prospects",
                columns: new[] { "Review", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Prospects_RunId_Domain",
                table: "Prospects",
                columns: new[] { "RunId", "Domain" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Prospects_RunId_Research",
                table: "Prospects",
                columns: new[] { "RunId", "Research" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Campaigns");

            migrationBuilder.DropTable(
                name: "DiscoveryAlerts");

            migrationBuilder.DropTable(
                name: "DomainVerdicts");

            migrationBuilder.DropTable(
                name: "ProspectPages");

            migrationBuilder.DropTable(
                name: "QueryStats");

            migrationBuilder.DropTable(
                name: "SegmentKeywords");

            migrationBuilder.DropTable(
                name: "Prospects");

            migrationBuilder.DropTable(
                name: "DiscoveryRuns");
        }
    }
}
