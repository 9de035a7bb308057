using LeadAgent.Web.Data;

namespace LeadAgent.Web.Features.Lists;

/// <summary>A static, named list of leads.</summary>
public sealed class LeadList : Entity, IAudited
{
    public const int NameMax = 200, DescriptionMax = 2000;

    public required string Name { get; set; }
    public string? Description { get; set; }
    public string? CreatedById { get; set; }

    string IAudited.AuditType => nameof(LeadList);
    Guid IAudited.AuditId => Id;
    string IAudited.AuditLabel => Name;
}

public sealed class LeadListMember
{
    public Guid ListId { get; set; }
    public Guid LeadId { get; set; }
    public DateTime AddedAt { get; set; }
}
