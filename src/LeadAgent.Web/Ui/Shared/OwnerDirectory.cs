using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Accounts;
using LeadAgent.Web.Infrastructure.Auth;

namespace LeadAgent.Web.Ui.Shared;

/// <summary>People who can own leads, for pickers (per circuit, loaded once).</summary>
public sealed class OwnerDirectory(UserService users)
{
    private List<(string Id, string Name)>? _owners;

    public async Task<List<(string Id, string Name)>> AllAsync() =>
        _owners ??= (await users.ListAsync()).Where(u => u.Role != Roles.Viewer && !u.Locked)
            .Select(u => (u.Id, u.DisplayName ?? u.Email)).OrderBy(u => u.Item2).ToList();
}
