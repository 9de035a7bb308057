namespace LeadAgent.Market;

/// <summary>
/// Imprints (§ 5 DDG, § 5 ECG, Swiss UWG) and legal notices in the layouts real sites use: lines with breaks, a
/// definition list, a table under "Rechtliches"; the register, VAT id, directors and contact lines in varied
/// spellings. Traps on purpose: a GmbH &amp; Co. KG also names its general partner's HRB; a fax beside the phone; a
/// VAT id "beantragt" (applied for) that is not one.
/// </summary>
internal static class Imprints
{
    public static string German(SitePlan plan)
    {
        var p = plan.Profile;
        var at = p.Country == "AT";
        var ch = p.Country == "CH";
        var fields = new List<(string Label, string Value)>
        {
            (p.Id % 2 == 0 ? "Anbieter" : "Firma",
                $"{Html.E(p.LegalName)}<br>{Html.E(p.Street)}<br>{Html.E(p.City.PostalCode)} {Html.E(p.City.Name)}"
                + (p.Id % 3 == 0 ? $"<br>{Html.E(Places.AddressCountry(p.Country, true))}" : "")),
            (People.DirectorTitle(p.LegalForm, true, p.Country), Html.E(string.Join(", ", p.Directors))),
        };
        if (p.LegalForm == "AG" && !ch)
        {
            fields.Add(("Vorsitzender des Aufsichtsrats", Html.E(People.FullName(new Random(p.Id), p.Country))));
        }
        if (p.LegalForm.Contains("& Co", StringComparison.Ordinal))
        {
            fields.Add(("Persönlich haftende Gesellschafterin", $"{Html.E(p.Name)} Verwaltungs GmbH, "
                + $"{Html.E(p.RegisterCourt ?? "")}, {(at ? "FN" : "HRB")} {1000 + p.Id * 7}"));
        }
        if (p.Phone is { } phone)
        {
            fields.Add((p.Id % 2 == 0 ? "Telefon" : "Tel.", Html.E(phone.Display(p.PhoneVariant + 1))));
            if (p.Fax)
            {
                fields.Add(("Telefax", Html.E(phone.Fax().Display(p.PhoneVariant + 1))));
            }
        }
        fields.Add(("E-Mail", p.Email is { } email ? Emails.Html(email, p.EmailStyle + 1)
            : $"über unser <a href=\"{plan.Contact}\">Kontaktformular</a>"));
        if (p.RegisterNumber is { } number)
        {
            fields.Add(at ? ("Firmenbuchnummer", number) : ch ? ("Handelsregister", Html.E(p.RegisterCourt!))
                : ("Registergericht", Html.E(p.RegisterCourt!)));
            fields.Add(at ? ("Firmenbuchgericht", Html.E(p.RegisterCourt!)) : ch ? ("UID", number)
                : ("Registernummer", number));
        }
        if (p.Vat is { } vat)
        {
            var label = at ? "UID-Nummer" : ch ? "MWST-Nr." : (p.Id % 3) switch
            {
                0 => "Umsatzsteuer-Identifikationsnummer gemäß § 27 a Umsatzsteuergesetz",
                1 => "USt-IdNr.",
                _ => "USt.-ID",
            };
            fields.Add((label, VatIds.Display(vat, p.VatVariant)));
        }
        else if (p.Country == "DE" && p.Id % 4 == 1)
        {
            fields.Add(("USt-IdNr.", "beantragt"));
        }
        if (at)
        {
            fields.Add(("Kammer", "Wirtschaftskammer " + Html.E(p.City.Name)));
        }
        var heading = at ? "Angaben gemäß § 5 ECG" : ch ? "Verantwortlich für diese Website" : "Angaben gemäß § 5 DDG";
        var body = (p.Id % 3) switch
        {
            0 => string.Concat(fields.Select(f => $"<p><strong>{f.Label}:</strong><br>{f.Value}</p>\n")),
            1 => "<dl>" + string.Concat(fields.Select(f => $"<dt>{f.Label}</dt><dd>{f.Value}</dd>")) + "</dl>\n",
            _ => "<table>" + string.Concat(fields.Select(f => $"<tr><th>{f.Label}</th><td>{f.Value}</td></tr>"))
                + "</table>\n",
        };
        var responsible = $"<p>Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV: {Html.E(p.Directors[0])}, "
            + "Anschrift wie oben.</p>\n";
        var disclaimer = "<h2>Haftung für Inhalte</h2><p>Die Inhalte unserer Seiten wurden mit größter Sorgfalt "
            + "erstellt. Für Links auf externe Websites übernehmen wir keine Haftung.</p>";
        return plan.ImprintLabel == "Rechtliches"
            ? $"<h1>Rechtliches</h1>\n<h2>Impressum</h2>\n<h3>{heading}</h3>\n{body}{responsible}{disclaimer}"
            : $"<h1>Impressum</h1>\n<h2>{heading}</h2>\n{body}{responsible}";
    }

    public static string English(SitePlan plan)
    {
        var p = plan.Profile;
        var address = $"{Html.E(p.Street)}, {Html.E(p.City.EnglishName)}"
            + (p.City.PostalCode.Length > 0 ? $" {Html.E(p.City.PostalCode)}" : "")
            + $", {Html.E(Places.AddressCountry(p.Country, false))}";
        var lines = new List<string>
        {
            $"<strong>{Html.E(p.LegalName)}</strong><br>{(p.Country == "GB" ? "Registered office: " : "")}{address}",
        };
        if (p.RegisterNumber is { } number)
        {
            lines.Add(p.Country switch
            {
                "GB" when p.LegalForm == "LLP" => $"A limited liability partnership {Html.E(p.RegisterCourt!)
                    .Replace("Registered", "registered", StringComparison.Ordinal)}, partnership number {number}. "
                    + "A list of members is available at our registered office.",
                "GB" => $"{Html.E(p.RegisterCourt!)}, company number {number}.",
                "AE" when p.LegalForm == "FZE" => $"A Free Zone Establishment licensed by the "
                    + $"{Html.E(p.RegisterCourt!)}, licence no. {number}.",
                "AE" => $"Trade Licence No. {number}, issued by {Html.E(p.RegisterCourt!)}.",
                "DE" => $"Commercial register: {Html.E(p.RegisterCourt!)}, {number}",
                "AT" => $"Company register: {number}, {Html.E(p.RegisterCourt!)}",
                "CH" => $"Commercial register: {Html.E(p.RegisterCourt!)}, UID {number}",
                _ => $"Chamber of Commerce (KvK): {number}",
            });
        }
        if (p.Vat is { } vat)
        {
            var label = p.Country switch
            {
                "GB" => p.Id % 2 == 0 ? "VAT Reg. No." : "VAT registration number",
                "AE" => p.Id % 2 == 0 ? "TRN" : "Tax Registration Number (TRN)",
                "CH" => "VAT no.",
                _ => "VAT ID",
            };
            lines.Add($"{label}: {VatIds.Display(vat, p.VatVariant)}");
        }
        lines.Add($"{People.DirectorTitle(p.LegalForm, false, p.Country)}: {Html.E(string.Join(", ", p.Directors))}");
        if (p.Phone is { } phone)
        {
            lines.Add($"Telephone: {Html.E(phone.Display(p.PhoneVariant + 1))}");
        }
        if (p.Email is { } email)
        {
            lines.Add($"Email: {Emails.Html(email, p.EmailStyle + 1)}");
        }
        var body = p.Id % 2 == 0
            ? string.Concat(lines.Select(l => $"<p>{l}</p>\n"))
            : "<ul class=\"legal\">" + string.Concat(lines.Select(l => $"<li>{l}</li>")) + "</ul>\n";
        return $"<h1>{Html.E(plan.ImprintLabel)}</h1>\n{body}";
    }
}
