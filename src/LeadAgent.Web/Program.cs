using LeadAgent.Web;

// One executable: the web app (default verb "serve") and the admin CLI (migrate, users, tokens, seed-demo).
// Disposed at the end so buffered log entries are written before the process exits.
await using var app = LeadAgentApp.Build(args);
return await Cli.RunAsync(app, args);

public partial class Program;
