using LeadAgent.Web.Data;
using LeadAgent.Web.Infrastructure.Work;

namespace LeadAgent.Web.Features.Discovery.Runs;

public enum RunStatus { Queued, Running, Paused, Completed, Stopped, Failed, Cancelled }

public enum RunStage { Searching, Lists, Researching, Done }

public enum RunTrigger { Manual, Schedule, Api, Cli, Enrich }

/// <summary>
/// One run of a campaign (or one "research this site"): its plan, where it stands and what it counted. Progress is
/// committed with the work it counts, so a run whose node died resumes from <see cref="NextQuery"/> and the sites
/// still pending, without doing anything twice.
/// </summary>
public sealed class DiscoveryRun : ILeased<Guid>
{
    public Guid Id { get; set; } = Ids.NewV7();
    public Guid? CampaignId { get; set; }
    /// <summary>The campaign's name when the run started (the campaign may be renamed or deleted).</summary>
    public required string Name { get; set; }
    public RunTrigger Trigger { get; set; }
    public RunStatus Status { get; set; }
    public RunStage Stage { get; set; }
    /// <summary>JSON <see cref="RunPlan"/>: queries, lists, seeds and limits fixed when the run was queued.</summary>
    public required string Plan { get; set; }
    public int NextQuery { get; set; }
    public int NextList { get; set; }

    public int Queries { get; set; }
    public int Results { get; set; }
    public int Sites { get; set; }
    public int RobotsBlocked { get; set; }
    public int Unreachable { get; set; }
    public int PagesFetched { get; set; }
    public int Researched { get; set; }
    public int MatchedExisting { get; set; }
    public int New { get; set; }
    /// <summary>Provider units spent by this run.</summary>
    public int Cost { get; set; }

    /// <summary>Why the run ended early (a budget, the provider's quota) or what it noticed on the way.</summary>
    public string? StopReason { get; set; }
    public string? Warnings { get; set; }
    public string? Error { get; set; }
    public bool CancelRequested { get; set; }
    public bool PauseRequested { get; set; }
    public string? CreatedById { get; set; }
    public required string CreatedByName { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }

    public bool IsActive => Status is RunStatus.Queued or RunStatus.Running;
}
