namespace LeadAgent.Web.Features.Imports;

/// <summary>Wakes this instance's import worker when a run is queued here.</summary>
public sealed class ImportSignal : Infrastructure.Work.WorkSignal;
