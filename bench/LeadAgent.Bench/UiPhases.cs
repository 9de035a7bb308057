using Microsoft.Playwright;

namespace LeadAgent.Bench;

/// <summary>
/// Where a first page's time goes, from the browser's own clocks: the document, the scripts, the circuit's start and
/// its first interactive render. Printed next to the targets so a slow figure says which part is slow.
/// </summary>
internal sealed class UiPhases
{
    // Notes the moment the layout's marker turns "yes" (the circuit has rendered), on the page's own clock.
    public const string InitScript = """
        (() => {
          const mark = () => {
            if (!window.__laInteractive && document.querySelector('[data-interactive=yes]')) {
              window.__laInteractive = performance.now();
            }
          };
          new MutationObserver(mark).observe(document,
            { subtree: true, childList: true, attributes: true, attributeFilter: ['data-interactive'] });
        })();
        """;

    private const string Read = """
        () => {
          const nav = performance.getEntriesByType('navigation')[0];
          const res = performance.getEntriesByType('resource');
          const end = part => Math.max(0, ...res.filter(r => r.name.includes(part)).map(r => r.responseEnd));
          return [nav.responseStart, nav.responseEnd, nav.domContentLoadedEventEnd, end('/_framework/blazor.web'),
            end('/_blazor/negotiate'), window.__laInteractive ?? 0,
            Math.max(0, ...res.map(r => r.responseEnd))];
        }
        """;

    private static readonly string[] Names =
        ["first byte", "document", "DOM ready", "blazor.web.js", "negotiate", "interactive", "last request"];

    private readonly Stats[] _stats = [.. Names.Select(n => new Stats("  " + n))];

    public async Task AddAsync(IPage page)
    {
        var values = await page.EvaluateAsync<double[]>(Read);
        for (var i = 0; i < _stats.Length; i++)
        {
            _stats[i].Add(values[i]);
        }
    }

    public void Print(string title)
    {
        Console.WriteLine($"  {title}: where the time goes (ms from the start of the navigation)");
        foreach (var s in _stats)
        {
            Console.WriteLine($"  {s}");
        }
    }
}
