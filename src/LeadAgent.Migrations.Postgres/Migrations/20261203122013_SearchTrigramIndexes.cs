using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeadAgent.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Trigram indexes for the global search: LIKE '%…%' over the same lower-cased expressions uses them
    /// (Features/Search/SearchCandidates). pg_trgm ships with PostgreSQL (contrib) and is a trusted extension.
    /// </summary>
    public partial class SearchTrigramIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS pg_trgm;
                """);
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Companies_Name_trgm" ON "Companies" USING gin (lower("Name") gin_trgm_ops);
                """);
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Companies_Domain_trgm" ON "Companies" USING gin (lower("Domain") gin_trgm_ops);
                """);
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Companies_City_trgm" ON "Companies" USING gin (lower("City") gin_trgm_ops);
                """);
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Contacts_Name_trgm" ON "Contacts" USING gin (lower("FirstName" || ' ' || coalesce("LastName", '')) gin_trgm_ops);
                """);
            migrationBuilder.Sql("""
                CREATE INDEX "IX_ContactIdentities_Value_trgm" ON "ContactIdentities" USING gin (lower("Value") gin_trgm_ops);
                """);
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Leads_Title_trgm" ON "Leads" USING gin (lower("Title") gin_trgm_ops);
                """);
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Conversations_DisplayName_trgm" ON "Conversations" USING gin (lower("DisplayName") gin_trgm_ops);
                """);
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Conversations_Email_trgm" ON "Conversations" USING gin (lower("Email") gin_trgm_ops);
                """);
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Conversations_Phone_trgm" ON "Conversations" USING gin (lower("Phone") gin_trgm_ops);
                """);
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Messages_Text_trgm" ON "Messages" USING gin (lower("Text") gin_trgm_ops);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS "IX_Companies_Name_trgm";
                """);
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS "IX_Companies_Domain_trgm";
                """);
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS "IX_Companies_City_trgm";
                """);
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS "IX_Contacts_Name_trgm";
                """);
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS "IX_ContactIdentities_Value_trgm";
                """);
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS "IX_Leads_Title_trgm";
                """);
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS "IX_Conversations_DisplayName_trgm";
                """);
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS "IX_Conversations_Email_trgm";
                """);
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS "IX_Conversations_Phone_trgm";
                """);
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS "IX_Messages_Text_trgm";
                """);
        }
    }
}
