using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LeadAgent.Web.Data;
using Microsoft.AspNetCore.Hosting;

namespace LeadAgent.Tests.Limits;

/// <summary>Small limits: a burst of 5 per caller then 1 a second, totals up to 3, one heavy read at a time.</summary>
public sealed class LimitedApp() : AppFactory(Provider.Sqlite)
{
    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Limits:Burst", "5");
        builder.UseSetting("Limits:RequestsPerSecond", "1");
        builder.UseSetting("Limits:TotalCap", "3");
        builder.UseSetting("Limits:HeavyConcurrency", "1");
        builder.UseSetting("Limits:HeavyQueue", "0");
    }
}

/// <summary>
/// Under load the server refuses promptly instead of slowing everyone down: each caller has a request budget, heavy
/// lists take turns, totals stop counting at a cap.
/// </summary>
public sealed class LoadLimitTests(LimitedApp app) : IClassFixture<LimitedApp>
{
    [Fact]
    public async Task A_caller_over_its_budget_is_refused_with_retry_after_while_others_and_health_checks_go_on()
    {
        using var greedy = await app.ClientAsync(Roles.Sales);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 12; i++)
        {
            answers.Add(await greedy.GetAsync("/api/v1/me", Ct));
        }
        var seconds = (int)Math.Ceiling(clock.Elapsed.TotalSeconds);
        Assert.All(answers.Take(5), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        // The burst of 5, plus at most one more per second that passed.
        Assert.InRange(answers.Count(r => r.IsSuccessStatusCode), 5, 5 + seconds);
        var refused = answers.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single()) >= 1);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("Too many requests.", problem.GetProperty("title").GetString());
        // A client that accepts no JSON (an export asked for as CSV) still gets the problem, not a 500.
        HttpResponseMessage csvAnswer;
        var tries = 0;
        do
        {
            // The budget refills by one a second, so one of these may pass; the next is refused.
            using var csv = new HttpRequestMessage(HttpMethod.Get, "/api/v1/leads/export");
            csv.Headers.Accept.ParseAdd("text/csv");
            csvAnswer = await greedy.SendAsync(csv, Ct);
        }
        while (csvAnswer.StatusCode == HttpStatusCode.OK && ++tries < 10);
        Assert.Equal(HttpStatusCode.TooManyRequests, csvAnswer.StatusCode);
        Assert.Equal("application/problem+json", csvAnswer.Content.Headers.ContentType?.MediaType);

        using var other = await app.ClientAsync(Roles.Sales);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/me", Ct)).StatusCode);
        using var anonymous = app.AnonymousClient();
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz", Ct)).StatusCode);
        }
    }

    [Fact]
    public async Task Lead_totals_stop_at_the_cap_and_say_so_unless_an_exact_count_is_asked_for()
    {
        using var writer = await app.ClientAsync(Roles.Sales);
        var company = await writer.CreateAsync(Make.Company());
        for (var i = 0; i < 4; i++)
        {
            await writer.CreateAsync(Make.Lead(company));
        }
        using var reader = await app.ClientAsync(Roles.Sales);
        var capped = await reader.GetFromJsonAsync<JsonElement>($"/api/v1/leads?companyId={company.Id}", Ct);
        Assert.Equal((3, true),
            (capped.GetProperty("total").GetInt32(), capped.GetProperty("totalCapped").GetBoolean()));
        Assert.Equal(4, capped.GetProperty("items").GetArrayLength());
        var exact = await reader.GetFromJsonAsync<JsonElement>(
            $"/api/v1/leads?companyId={company.Id}&exactTotal=true", Ct);
        Assert.Equal((4, false),
            (exact.GetProperty("total").GetInt32(), exact.GetProperty("totalCapped").GetBoolean()));
        var none = await reader.GetFromJsonAsync<JsonElement>(
            $"/api/v1/leads?companyId={company.Id}&includeTotal=false", Ct);
        Assert.Equal(JsonValueKind.Null, none.GetProperty("total").ValueKind);
    }

    [Fact]
    public async Task Heavy_lists_take_turns_and_those_that_find_no_place_are_refused_at_once()
    {
        // One heavy query at a time and no queue: of many sent together, some run and the others get 429 at once.
        var clients = new List<HttpClient>();
        for (var i = 0; i < 40; i++)
        {
            clients.Add(app.TokenClient((await app.CreateUserAsync(Roles.Viewer)).Token));
        }
        var answers = await Task.WhenAll(clients.Select(c => c.GetAsync("/api/v1/leads?exactTotal=true", Ct)));
        Assert.All(answers, r => Assert.Contains(r.StatusCode,
            new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        Assert.Contains(answers, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Contains(answers, r => r.StatusCode == HttpStatusCode.TooManyRequests);
        // The queue limit is not the caller's budget: each of these callers sent one request.
        var refused = answers.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        clients.ForEach(c => c.Dispose());
    }
}
