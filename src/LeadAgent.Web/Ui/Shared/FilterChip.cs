namespace LeadAgent.Web.Ui.Shared;

/// <summary>One active filter of a list: its key (the address parameter it comes from) and how it reads.</summary>
public sealed record FilterChip(string Key, string Label);
