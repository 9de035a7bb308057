namespace LeadAgent.Web.Features.Policy;

/// <summary>
/// Allow entries exempt a subject from a broader block (a domain's one good address); block wins otherwise.
/// </summary>
public enum PolicyList { Block, Allow }

/// <summary>What an entry names. Values are kept normalised (lower-case domain, E.164 phone, …).</summary>
public enum PolicyKind { Domain, Company, Contact, Email, EmailDomain, Phone, Keyword }

/// <summary>
/// One line of the allow or block list, with its reason and author. Blocked means: discovery never fetches or
/// proposes it, imports flag it, the inbox never answers it automatically, and no rule, playbook or autopilot
/// contacts it. <see cref="PolicyCheck"/> is the one place that reads these.
/// </summary>
public sealed class PolicyEntry
{
    public const int ValueMax = 320, ReasonMax = 500;

    public Guid Id { get; set; } = Data.Ids.NewV7();
    public PolicyList List { get; set; }
    public PolicyKind Kind { get; set; }
    /// <summary>Normalised value: a domain, an e-mail, E.164 phone, a keyword, or a company/contact id.</summary>
    public required string Value { get; set; }
    /// <summary>Label of the company or contact named (for people reading the list).</summary>
    public string? Label { get; set; }
    public required string Reason { get; set; }
    public required string AuthorName { get; set; }
    public string? AuthorId { get; set; }
    public DateTime CreatedAt { get; set; }
}
