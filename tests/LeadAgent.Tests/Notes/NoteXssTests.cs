using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Notes;
using LeadAgent.Web.Infrastructure.Api;

namespace LeadAgent.Tests.Notes;

/// <summary>
/// Filter-evasion payloads (OWASP XSS cheat-sheet style, in Markdown's own link forms) never come back from the API
/// as active HTML: no script, no event handler, no javascript:/vbscript:/data: URL.
/// </summary>
[Collection(nameof(SqliteCrm))]
public sealed class NoteXssTests(SqliteApp app)
{
    public static readonly string[] Payloads =
    [
        "<javascript:alert(document.domain)>",
        "<JaVaScRiPt:alert(document.domain)>",
        "<vbscript:msgbox(1)>",
        "<data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==>",
        "<javascript://%0Aalert(1)>",
        "[a](javascript:alert(1))",
        "[a](JAVASCRIPT:alert(1))",
        "[a](&#106;avascript:alert(1))",
        "[a](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))",
        "[a](java&#x09;script:alert(1))",
        "[a](jav&#x0A;ascript:alert(1))",
        "[a](<javascript:alert(1)>)",
        "[a](< javascript:alert(1)>)",
        "[a](vbscript:msgbox(1))",
        "[a](data:text/html,<script>alert(1)</script>)",
        "[a](DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[a][ref]\n\n[ref]: javascript:alert(1)",
        "[ref]\n\n[ref]: <vbscript:msgbox(1)> \"t\"",
        "![x](javascript:alert(1))",
        "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "[a](https://ok.example/\"onmouseover=\"alert(1))",
        "[a](https://ok.example/ \"t\\\" onmouseover=alert(1) x=\\\"\")",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<img src=x onerror=alert(1)>",
        "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
        "<svg/onload=alert(1)>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<body onload=alert(1)>",
        "<scr<script>ipt>alert(1)</script>",
        "`<script>alert(1)</script>`",
        "    <script>alert(1)</script>",
        "<<script>alert(1);//<</script>",
        "[<img src=x onerror=alert(1)>](https://ok.example)",
        "<https://ok.example/\"><script>alert(1)</script>>",
        "www.ok.example/<script>alert(1)</script>",
    ];

    [Fact]
    public async Task No_payload_renders_as_active_html_in_a_note()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var company = await c.CreateAsync(Make.Company("Xss Co " + Unique()));
        foreach (var payload in Payloads)
        {
            await c.CreateAsync(new NoteInput(NoteSubject.Company, company.Id, payload));
        }
        var notes = await c.GetJsonAsync<Page<NoteDto>>(
            $"/api/v1/notes?subjectType=Company&subjectId={company.Id}&limit=500");
        Assert.Equal(Payloads.Length, notes.Items.Count);
        var failures = notes.Items.Select(n => (n.Body, Found: ActiveHtml.Find(n.Html)))
            .Where(x => x.Found.Count > 0)
            .Select(x => $"{x.Body} → {string.Join(", ", x.Found)}")
            .ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Safe_links_keep_working_and_unsafe_autolinks_stay_as_text()
    {
        var html = MarkdownRenderer.ToHtml(
            "<https://ok.example/a> [site](http://ok.example) <mailto:sam@ok.example> [call](tel:+49301234567) "
            + "<sam@ok.example> <javascript:alert(document.domain)>");
        Assert.Contains("href=\"https://ok.example/a\"", html);
        Assert.Contains("href=\"http://ok.example\"", html);
        Assert.Contains("href=\"mailto:sam@ok.example\"", html);
        Assert.Contains("href=\"tel:+49301234567\"", html);
        Assert.Contains("javascript:alert(document.domain)", html);
        Assert.Empty(ActiveHtml.Find(html));
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html);
    }
}
