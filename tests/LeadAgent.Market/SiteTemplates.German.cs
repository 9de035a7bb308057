namespace LeadAgent.Market;

internal static partial class SiteTemplates
{
    /// <summary>The German pages of a company site.</summary>
    private static class German
    {
        public static string Home(SitePlan plan, string tagline)
        {
            var p = plan.Profile;
            var paragraphs = string.Concat(KindTexts.Intro(p.Kind, true)
                .Select(t => $"<p>{Html.E(p.Fill(t, true))}</p>"));
            var services = string.Concat(KindTexts.Services(p.Kind, true).Select(s => $"<li>{Html.E(s)}</li>"));
            var call = p.Phone is { } phone && p.Id % 3 == 0
                ? $"<p class=\"cta\">Rufen Sie uns an: {Phone(plan, phone)}</p>" : "";
            var english = p.Bilingual ? "<p class=\"lang\"><a href=\"/en/\" hreflang=\"en\">English</a></p>" : "";
            return $"<h1>{Html.E(tagline)}</h1>\n{paragraphs}\n<h2>Leistungen</h2>"
                + $"<ul class=\"services\">{services}</ul>\n{Partners(plan)}{call}{english}{Share(plan)}";
        }

        public static string About(SitePlan plan)
        {
            var p = plan.Profile;
            var lead = string.Join(" und ", p.Directors);
            return $"<h1>Über {Html.E(p.Name)}</h1>\n"
                + $"<p>Gegründet {p.Founded} in {Html.E(p.City.Name)}, beschäftigt {Html.E(p.Name)} heute "
                + $"{Html.Thousands(p.Staff, true)} Mitarbeiterinnen und Mitarbeiter.</p>\n"
                + $"<p>Geführt wird das Unternehmen von {Html.E(lead)}. "
                + $"{Html.E(p.Fill(KindTexts.Intro(p.Kind, true)[^1], true))}</p>";
        }

        public static string Contact(SitePlan plan)
        {
            var p = plan.Profile;
            var lines = new List<string>();
            if (p.Phone is { } phone)
            {
                var label = (p.PhoneVariant % 4) switch { 0 => "Telefon", 1 => "Tel.", 2 => "Fon", _ => "T" };
                lines.Add($"{label}: {Phone(plan, phone)}");
                if (p.Fax)
                {
                    lines.Add($"Fax: {phone.Fax().Display(p.PhoneVariant)}");
                }
            }
            if (p.Email is { } email)
            {
                lines.Add($"E-Mail: {Emails.Html(email, p.EmailStyle)}");
            }
            return "<h1>Kontakt</h1>\n<p>Sie haben Fragen zu einem Projekt? Wir freuen uns auf Ihre Nachricht.</p>\n"
                + $"<div class=\"address\"><strong>{Html.E(p.LegalName)}</strong><br>{Html.E(p.Street)}<br>"
                + $"{Html.E(p.City.PostalCode)} {Html.E(p.City.Name)}<br>"
                + Html.E(Places.AddressCountry(p.Country, true))
                + $"</div>\n<p>{string.Join("<br>\n", lines)}</p>\n"
                + "<p>Bürozeiten: Mo–Fr 9:00–17:00 Uhr</p>\n"
                + "<form method=\"post\" action=\"/kontakt/senden\"><label>Name <input name=\"name\"></label>"
                + "<label>E-Mail <input name=\"email\" type=\"email\"></label><textarea name=\"nachricht\"></textarea>"
                + "<button>Senden</button></form>";
        }

        public static string Team(SitePlan plan) =>
            "<h1>Unser Team</h1>\n<p>Persönlich für Sie da:</p>\n" + Members(plan);

        public static string Privacy(SitePlan plan) =>
            "<h1>Datenschutzerklärung</h1>\n<p>Verantwortlich für die Datenverarbeitung auf dieser Website ist die "
            + $"{Html.E(plan.Profile.LegalName)} (siehe <a href=\"{plan.Imprint}\">{Html.E(plan.ImprintLabel)}</a>). "
            + "Wir verarbeiten personenbezogene Daten nur im Rahmen der DSGVO.</p>";
    }

    /// <summary>The team, as cards, a table or a plain list depending on the layout.</summary>
    private static string Members(SitePlan plan) => plan.Style switch
    {
        0 => "<div class=\"team\">" + string.Concat(plan.Profile.Team.Select(m =>
            $"<div class=\"member\"><h3>{Html.E(m.Name)}</h3><p class=\"role\">{Html.E(m.Role)}</p>"
            + (m.Email is { } e ? $"<p><a href=\"mailto:{e}\">{e}</a></p>" : "") + "</div>")) + "</div>",
        1 => "<table class=\"team\">" + string.Concat(plan.Profile.Team.Select(m =>
            $"<tr><td><b>{Html.E(m.Name)}</b></td><td>{Html.E(m.Role)}</td><td>{m.Email}</td></tr>")) + "</table>",
        _ => "<ul class=\"team\">" + string.Concat(plan.Profile.Team.Select(m =>
            $"<li><strong>{Html.E(m.Name)}</strong> – {Html.E(m.Role)}"
            + (m.Email is { } e ? $", {Emails.Html(e, 2)}" : "") + "</li>")) + "</ul>",
    };

    /// <summary>A phone number as printed, sometimes as a tel: link.</summary>
    private static string Phone(SitePlan plan, PhoneNumber phone)
    {
        var shown = Html.E(phone.Display(plan.Profile.PhoneVariant));
        return plan.Profile.PhoneVariant % 2 == 0 ? $"<a href=\"{phone.Tel}\">{shown}</a>" : shown;
    }

    /// <summary>A WordPress share widget: links to LinkedIn and Facebook that are not the company's profiles.</summary>
    private static string Share(SitePlan plan) => plan.Style != 2 ? ""
        : "<div class=\"share\"><a href=\"https://www.facebook.com/sharer/sharer.php?u="
            + $"{Uri.EscapeDataString(plan.Url("/"))}\">Teilen</a> "
            + "<a href=\"https://www.linkedin.com/shareArticle?mini=true&amp;url="
            + $"{Uri.EscapeDataString(plan.Url("/"))}\">LinkedIn</a></div>";
}
