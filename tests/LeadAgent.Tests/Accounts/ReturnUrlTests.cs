using LeadAgent.Web.Features.Accounts;

namespace LeadAgent.Tests.Accounts;

/// <summary>Where the browser may go after signing in, as a pure function.</summary>
public sealed class ReturnUrlTests
{
    [Theory]
    [InlineData(null, "/")]
    [InlineData("/", "/")]
    [InlineData("/leads?status=Won&owner=me", "/leads?status=Won&owner=me")]
    [InlineData("/companies/0199a1b2-77#notes", "/companies/0199a1b2-77#notes")]
    [InlineData("//evil.example", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example", "/")]
    [InlineData("/a b", "/")]
    [InlineData("/a\u007fb", "/")]
    [InlineData("/a\u0085b", "/")]
    public void Return_addresses_are_local_printable_paths(string? url, string expected) =>
        Assert.Equal(expected, ReturnUrls.Safe(url));
}
