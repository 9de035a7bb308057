using LeadAgent.Web.Data;

namespace LeadAgent.Web.Features.Accounts;

/// <summary>A personal API token. Only a SHA-256 hash of the secret is stored; the secret is shown once.</summary>
public sealed class ApiToken
{
    public Guid Id { get; set; } = Ids.NewV7();
    public required string UserId { get; set; }
    public required string Name { get; set; }
    /// <summary>First characters of the token, safe to display ("la_Ab12…").</summary>
    public required string Prefix { get; set; }
    public required string Hash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
