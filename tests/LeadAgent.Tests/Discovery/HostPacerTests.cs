using LeadAgent.Web.Features.Discovery.Crawling;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LeadAgent.Tests.Discovery;

/// <summary>Crawl politeness on a clock moved by hand: per-host gaps, Crawl-delay, Retry-After, a global cap.</summary>
public sealed class HostPacerTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-12-02T10:00:00Z"));

    private HostPacer Pacer(int concurrency = 16) =>
        new(Options.Create(new CrawlOptions { MaxConcurrency = concurrency }), _clock);

    private static readonly Uri A1 = new("http://a.test/1"), A2 = new("http://a.test/2"), B = new("http://b.test/");

    [Fact]
    public async Task Requests_to_one_host_keep_the_minimum_gap_or_the_longer_crawl_delay()
    {
        var pacer = Pacer();
        Assert.Equal(1, await pacer.RunAsync(A1, null, _ => Task.FromResult(1), Ct));
        var second = pacer.RunAsync(A2, null, _ => Task.FromResult(2), Ct);
        var other = pacer.RunAsync(B, null, _ => Task.FromResult(3), Ct);
        Assert.Equal(3, await other.WaitAsync(TimeSpan.FromSeconds(30), Ct));   // another host does not wait
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(second.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, await second.WaitAsync(TimeSpan.FromSeconds(30), Ct));

        // A Crawl-delay of 3 s spaces the next one by 3 s (after the gap the second request left).
        _clock.Advance(TimeSpan.FromSeconds(1));
        await pacer.RunAsync(A1, TimeSpan.FromSeconds(3), _ => Task.FromResult(0), Ct).WaitAsync(
            TimeSpan.FromSeconds(30), Ct);
        var third = pacer.RunAsync(A2, TimeSpan.FromSeconds(3), _ => Task.FromResult(4), Ct);
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.False(third.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(4, await third.WaitAsync(TimeSpan.FromSeconds(30), Ct));
        Assert.True(pacer.IsAbsurd(TimeSpan.FromMinutes(5)));
        Assert.False(pacer.IsAbsurd(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Retry_after_holds_the_host_back_and_an_absurd_one_gives_it_up()
    {
        var pacer = Pacer();
        await pacer.RunAsync(A1, null, _ => Task.FromResult(0), Ct);
        Assert.True(pacer.BackOff(A1, TimeSpan.FromSeconds(10)));
        Assert.False(pacer.BackOff(A1, TimeSpan.FromHours(1)));
        var next = pacer.RunAsync(A2, null, _ => Task.FromResult(5), Ct);
        _clock.Advance(TimeSpan.FromSeconds(9));
        Assert.False(next.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(5, await next.WaitAsync(TimeSpan.FromSeconds(30), Ct));

        // A back-off that comes while a request already waits for its turn (https is the same host) holds it too.
        var queued = pacer.RunAsync(new Uri("https://a.test/3"), null, _ => Task.FromResult(6), Ct);
        Assert.True(pacer.BackOff(A1, TimeSpan.FromSeconds(20)));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(queued.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(19));
        Assert.Equal(6, await queued.WaitAsync(TimeSpan.FromSeconds(30), Ct));
    }

    [Fact]
    public async Task No_more_fetches_run_at_once_than_the_global_cap()
    {
        var pacer = Pacer(concurrency: 2);
        var release = new TaskCompletionSource();
        var full = new TaskCompletionSource();
        var running = 0;
        var most = 0;
        async Task<int> Fetch(CancellationToken _)
        {
            var now = Interlocked.Increment(ref running);
            lock (release)
            {
                most = Math.Max(most, now);
            }
            if (now == 2)
            {
                full.TrySetResult();
            }
            await release.Task;
            Interlocked.Decrement(ref running);
            return now;
        }
        var fetches = Enumerable.Range(0, 5)
            .Select(i => pacer.RunAsync(new Uri($"http://h{i}.test/"), null, Fetch, Ct)).ToList();
        await full.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Equal(2, Volatile.Read(ref running));
        Assert.All(fetches, f => Assert.False(f.IsCompleted));
        release.SetResult();
        await Task.WhenAll(fetches).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Equal(2, most);
    }
}
