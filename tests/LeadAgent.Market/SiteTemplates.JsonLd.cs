using System.Text;

namespace LeadAgent.Market;

internal static partial class SiteTemplates
{
    /// <summary>
    /// Schema.org data in three shapes sites really use: a plain Organization; an @graph whose WebSite names the
    /// Organization as publisher (@type as an array, e-mail with mailto:); a LocalBusiness with a contactPoint and
    /// the address as text. Only what the site publishes is in it.
    /// </summary>
    private static string JsonLd(SitePlan plan)
    {
        var p = plan.Profile;
        if (plan.JsonLd == 0)
        {
            return "";
        }
        var org = new List<string>
        {
            $"\"name\": {Html.J(p.Name)}", $"\"legalName\": {Html.J(p.LegalName)}",
            $"\"url\": {Html.J(plan.Url("/"))}", $"\"logo\": {Html.J(plan.Url("/assets/logo.png"))}",
        };
        var phone = p.Phone is { } ph ? Html.J(plan.JsonLd == 1 ? ph.E164 : ph.Display(p.PhoneVariant)) : null;
        var email = p.Email is { } e ? Html.J(plan.JsonLd == 2 ? "mailto:" + e : e) : null;
        var city = plan.German ? p.City.Name : p.City.EnglishName;
        if (plan.JsonLd == 3)
        {
            org.Add($"\"address\": {Html.J($"{p.Street}, {p.City.PostalCode} {city}".Replace(",  ", ", ",
                StringComparison.Ordinal))}");
            var point = new List<string> { "\"@type\": \"ContactPoint\"", "\"contactType\": \"customer service\"" };
            point.AddRange(phone is null ? [] : [$"\"telephone\": {phone}"]);
            point.AddRange(email is null ? [] : [$"\"email\": {email}"]);
            org.Add($"\"contactPoint\": [{{ {string.Join(", ", point)} }}]");
        }
        else
        {
            org.Add("\"address\": { \"@type\": \"PostalAddress\", "
                + $"\"streetAddress\": {Html.J(p.Street)}, \"postalCode\": {Html.J(p.City.PostalCode)}, "
                + $"\"addressLocality\": {Html.J(city)}, \"addressCountry\": {Html.J(p.Country)} }}");
            org.AddRange(phone is null ? [] : [$"\"telephone\": {phone}"]);
            org.AddRange(email is null ? [] : [$"\"email\": {email}"]);
        }
        if (p.Vat is { } vat)
        {
            org.Add($"\"vatID\": {Html.J(vat)}");
        }
        if (p.Socials.Count > 0)
        {
            org.Add($"\"sameAs\": [{string.Join(", ", p.Socials.Select(Html.J))}]");
        }
        var json = new StringBuilder();
        switch (plan.JsonLd)
        {
            case 1:
                json.Append("{ \"@context\": \"https://schema.org\", \"@type\": \"Organization\",\n  ")
                    .AppendJoin(",\n  ", org).Append(" }");
                break;
            case 2:
                json.Append("{ \"@context\": \"https://schema.org\", \"@graph\": [\n")
                    .Append($"  {{ \"@type\": \"WebSite\", \"url\": {Html.J(plan.Url("/"))}, ")
                    .Append("\"publisher\": { \"@id\": \"#organization\" } },\n")
                    .Append("  { \"@type\": [\"Organization\", \"Corporation\"], \"@id\": \"#organization\",\n    ")
                    .AppendJoin(",\n    ", org).Append(" } ] }");
                break;
            default:
                json.Append("[ { \"@context\": \"https://schema.org\", \"@type\": \"ProfessionalService\",\n  ")
                    .AppendJoin(",\n  ", org).Append(" } ]");
                break;
        }
        return $"<script type=\"application/ld+json\">\n{json}\n</script>\n";
    }
}
