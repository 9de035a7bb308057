using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LeadAgent.Web.Features.Qualification.Signals;

namespace LeadAgent.Web.Features.Qualification.Fit;

/// <summary>
/// A fingerprint of everything a judgement is made from, so a company whose signals (and the person's label) did not
/// change is not judged again.
/// </summary>
public static class SignalsHash
{
    public static string Of(CompanySignals s)
    {
        var text = new StringBuilder(s.SiteText.Length + 512);
        void Add(object? value) => text.Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append('\u001f');
        Add(s.Name);
        Add(s.Domain);
        Add(s.Country);
        Add(s.City);
        Add(s.Industry);
        Add(s.Size);
        Add(string.Join('\u001e', s.Tags));
        Add(s.SiteTitle);
        Add(s.SiteDescription);
        Add(s.Language);
        Add(string.Join('\u001e', s.SegmentHits));
        Add(s.Employees);
        Add(s.Label);
        Add(s.OrderCount);
        Add(s.OrderTotal);
        Add(s.LastOrderOn);
        text.Append(s.SiteText);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToHexStringLower(hash.AsSpan(0, CompanyFit.HashLength / 2));
    }
}
