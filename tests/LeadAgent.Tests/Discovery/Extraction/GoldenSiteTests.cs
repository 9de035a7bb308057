using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using LeadAgent.Web.Features.Discovery.Extraction;

namespace LeadAgent.Tests.Discovery.Extraction;

/// <summary>
/// Company sites written for these tests (Golden/&lt;domain&gt;/*.html): every page's extract and the merged profile
/// are compared with the JSON next to them. <c>UPDATE_GOLDEN=1</c> rewrites the JSON in the source tree instead;
/// read the diff before committing it.
/// </summary>
public sealed class GoldenSiteTests
{
    private static readonly string Dir = Path.Combine(AppContext.BaseDirectory, "Discovery", "Extraction", "Golden");

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static readonly ExtractionContext Context = new(new Dictionary<string, IReadOnlyList<string>>
    {
        ["messebau"] = ["messebau", "messestand", "exhibition stand", "stand builder", "standbau"],
        ["eventtechnik"] = ["eventtechnik", "veranstaltungstechnik", "bühnentechnik", "event production", "led wall"],
        ["eventagentur"] = ["eventagentur", "event agency", "incentive", "firmenevents"],
        ["getränke"] = ["getränke", "beverage"],
    });

    public static TheoryData<string> Sites() =>
        new(Directory.GetDirectories(Dir).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Sites))]
    public void Pages_and_profile_match_their_golden_files(string site)
    {
        var pages = new List<PageExtract>();
        foreach (var file in Directory.GetFiles(Path.Combine(Dir, site), "*.html").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var url = new Uri($"https://www.{site}/{(name == "index" ? "" : name)}");
            var page = PageExtractor.Extract(url, File.ReadAllBytes(file), "text/html",
                PageExtractor.KindOf(url, null), Context);
            pages.Add(page);
            Compare(site, name + ".json", Render(page));
        }
        var profile = SiteProfile.From(pages, site);
        Compare(site, "profile.json", Render(profile));
    }

    [Theory]
    [MemberData(nameof(Sites))]
    public void Truncated_and_corrupted_pages_still_give_extracts(string site)
    {
        var random = new Random(site.Length);
        foreach (var file in Directory.GetFiles(Path.Combine(Dir, site), "*.html"))
        {
            var body = File.ReadAllBytes(file);
            var url = new Uri($"https://www.{site}/{Path.GetFileNameWithoutExtension(file)}");
            for (var round = 0; round < 30; round++)
            {
                var copy = body[..random.Next(body.Length)];
                for (var flips = 0; flips < copy.Length / 50; flips++)
                {
                    copy[random.Next(copy.Length)] = (byte)random.Next(256);
                }

                var page = PageExtractor.Extract(url, copy, null, PageExtractor.KindOf(url, null), Context);

                Assert.All(page.Links, l => Assert.EndsWith(site, l.Url.Host, StringComparison.Ordinal));
                Assert.All(page.Facts, f => Assert.False(string.IsNullOrWhiteSpace(f.Value)));
            }
        }
    }

    private static string Render(PageExtract p) => JsonSerializer.Serialize(new
    {
        url = p.Url.AbsoluteUri,
        kind = p.Kind.ToString(),
        p.Title,
        p.Description,
        p.Language,
        p.NoIndex,
        p.NoFollow,
        facts = p.Facts.Select(f => $"{f.Field}: {f.Value} ({f.Method})"),
        links = p.Links.Select(l => $"{l.Kind} {l.Url.AbsoluteUri} | {l.Text}"),
        p.Text,
    }, Json);

    private static string Render(SiteProfile s) => JsonSerializer.Serialize(new
    {
        s.Name,
        s.LegalName,
        s.LegalForm,
        s.VatId,
        s.Register,
        s.Street,
        s.Postcode,
        s.City,
        s.Country,
        s.Phone,
        s.Email,
        s.Emails,
        s.Phones,
        s.Socials,
        s.Directors,
        s.People,
        s.Description,
        s.Language,
        s.SegmentsFound,
        s.Employees,
        facts = s.Facts.Count,
    }, Json);

    private static void Compare(string site, string file, string actual)
    {
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(Path.Combine(SourceDir(), site, file), actual);
            return;
        }
        var path = Path.Combine(Dir, site, file);
        Assert.True(File.Exists(path), $"No golden file {site}/{file}; run with UPDATE_GOLDEN=1 and review it.");
        Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal), actual);
    }

    private static string SourceDir([CallerFilePath] string path = "") =>
        Path.Combine(Path.GetDirectoryName(path)!, "Golden");
}
