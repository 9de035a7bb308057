namespace LeadAgent.Market;

internal static partial class SiteTemplates
{
    /// <summary>The English pages of a company site (and the /en/ home of a bilingual German one).</summary>
    private static class English
    {
        public static string Home(SitePlan plan, string tagline)
        {
            var p = plan.Profile;
            var paragraphs = string.Concat(KindTexts.Intro(p.Kind, false)
                .Select(t => $"<p>{Html.E(p.Fill(t, false))}</p>"));
            var services = string.Concat(KindTexts.Services(p.Kind, false).Select(s => $"<li>{Html.E(s)}</li>"));
            var call = p.Phone is { } phone && p.Id % 3 == 0
                ? $"<p class=\"cta\">Call us on {Phone(plan, phone)}</p>" : "";
            // Bilingual Emirati sites carry an Arabic line; German ones link back to the German home.
            var other = !p.Bilingual ? "" : p.German
                ? "<p class=\"lang\"><a href=\"/\" hreflang=\"de\">Deutsch</a></p>"
                : $"<p dir=\"rtl\" lang=\"ar\">{Arabic(p.Kind)}</p>";
            return $"<h1>{Html.E(tagline)}</h1>\n{paragraphs}\n<h2>What we do</h2>"
                + $"<ul class=\"services\">{services}</ul>\n{Partners(plan)}{call}{other}{Share(plan)}";
        }

        public static string About(SitePlan plan)
        {
            var p = plan.Profile;
            return $"<h1>About {Html.E(p.Name)}</h1>\n"
                + $"<p>Founded in {p.Founded} in {Html.E(p.City.EnglishName)}, {Html.E(p.Name)} now employs "
                + $"{Html.Thousands(p.Staff, false)} people.</p>\n"
                + $"<p>The company is led by {Html.E(string.Join(" and ", p.Directors))}. "
                + $"{Html.E(p.Fill(KindTexts.Intro(p.Kind, false)[^1], false))}</p>";
        }

        public static string Contact(SitePlan plan)
        {
            var p = plan.Profile;
            var lines = new List<string>();
            if (p.Phone is { } phone)
            {
                var label = (p.PhoneVariant % 3) switch { 0 => "Phone", 1 => "Tel", _ => "T" };
                lines.Add($"{label}: {Phone(plan, phone)}");
                if (p.Fax)
                {
                    lines.Add($"Fax: {phone.Fax().Display(p.PhoneVariant)}");
                }
            }
            if (p.Email is { } email)
            {
                lines.Add($"Email: {Emails.Html(email, p.EmailStyle)}");
            }
            var postcode = p.City.PostalCode.Length > 0 ? $"{Html.E(p.City.PostalCode)}<br>" : "";
            return "<h1>Get in touch</h1>\n<p>Planning something? We would love to hear from you.</p>\n"
                + $"<address><strong>{Html.E(p.LegalName)}</strong><br>{Html.E(p.Street)}<br>"
                + $"{Html.E(p.City.EnglishName)}<br>{postcode}{Html.E(Places.AddressCountry(p.Country, false))}"
                + $"</address>\n<p>{string.Join("<br>\n", lines)}</p>\n"
                + "<p>Office hours: Monday to Friday, 9am to 5.30pm</p>\n"
                + "<form method=\"post\" action=\"/contact/send\"><input name=\"name\" placeholder=\"Name\">"
                + "<input name=\"email\" type=\"email\" placeholder=\"Email\"><textarea name=\"message\"></textarea>"
                + "<button>Send</button></form>";
        }

        public static string Team(SitePlan plan) =>
            "<h1>Our people</h1>\n<p>Meet the team behind our work:</p>\n" + Members(plan);

        public static string Privacy(SitePlan plan) =>
            $"<h1>Privacy policy</h1>\n<p>{Html.E(plan.Profile.LegalName)} is the controller of personal data "
            + $"collected on this website (see <a href=\"{plan.Imprint}\">{Html.E(plan.ImprintLabel)}</a>). We "
            + "process personal data in line with the UK GDPR and applicable law.</p>";

        private static string Arabic(CompanyKind kind) => kind switch
        {
            CompanyKind.EventAgency => "تنظيم الفعاليات والمؤتمرات والمعارض",
            CompanyKind.Reseller => "هدايا ترويجية ومنتجات دعائية بشعار شركتك",
            CompanyKind.BrandOwner => "علامة تجارية إماراتية",
            _ => "خدماتنا في دولة الإمارات العربية المتحدة",
        };
    }
}
