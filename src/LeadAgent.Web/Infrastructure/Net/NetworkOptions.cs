using System.ComponentModel.DataAnnotations;
using System.Net;

namespace LeadAgent.Web.Infrastructure.Net;

/// <summary>
/// <c>Network:…</c>: outbound calls to addresses an admin can configure reach public addresses only, unless an
/// operator allows a private range here explicitly (e.g. a proxy on the LAN, or the local fakes of the tests).
/// </summary>
public sealed class NetworkOptions : IValidatableObject
{
    public const string Section = "Network";

    /// <summary>CIDR ranges (<c>10.1.2.0/24</c>, <c>127.0.0.1/32</c>, <c>::1/128</c>) reachable although private;
    /// empty by default: every private, loopback and link-local address is refused.</summary>
    public List<string> AllowedPrivateRanges { get; set; } = [];

    internal IReadOnlyList<IPNetwork> Ranges
    {
        get
        {
            var ranges = new List<IPNetwork>();
            foreach (var r in AllowedPrivateRanges)
            {
                if (IPNetwork.TryParse(r?.Trim() ?? "", out var n))
                {
                    ranges.Add(n);
                }
            }
            return ranges;
        }
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        AllowedPrivateRanges.Where(r => !IPNetwork.TryParse(r?.Trim() ?? "", out _))
            .Select(r => new ValidationResult($"'{r}' is not a CIDR range such as 10.1.2.0/24 or ::1/128.",
                [nameof(AllowedPrivateRanges)]));
}
