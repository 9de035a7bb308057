using LeadAgent.Web.Features.Accounts.Passwords;

namespace LeadAgent.Tests.Accounts;

/// <summary>The password rules as pure functions, on the bundled list.</summary>
public sealed class PasswordPolicyTests
{
    private const string Email = "anna.schmidt@event-berlin.de";

    [Fact]
    public void The_bundled_list_is_embedded_and_loaded() => Assert.True(CommonPasswords.Count > 9000);

    [Theory]
    [InlineData("password", true)]
    [InlineData("PASSWORD", true)]
    [InlineData("Password2024!", true)]
    [InlineData("!!sunshine!!", true)]
    [InlineData("monkeymonkeymonkey", true)]
    [InlineData("correct-horse-battery-staple", false)]
    [InlineData("Fresh-lighthouse-42", false)]
    [InlineData("pass-word-2024", false)]
    public void Common_passwords_are_found_with_what_people_add_to_them(string password, bool common) =>
        Assert.Equal(common, CommonPasswords.IsCommon(password));

    [Theory]
    [InlineData("anna.schmidt@event-berlin.de", true)]
    [InlineData("Anna.Schmidt1990", true)]
    [InlineData("ANNASCHMIDT!!", true)]
    [InlineData("Schmidt#2024", true)]
    [InlineData("event-berlin99", true)]
    [InlineData("EventBerlin2024", true)]
    [InlineData("12-Berlin-34", true)]
    [InlineData("schmidtschmidt", true)]
    [InlineData("Lighthouse-keeper-7", false)]
    [InlineData("Anna-likes-Kiel-a-lot", false)]
    public void Passwords_built_from_the_email_are_found(string password, bool fromEmail) =>
        Assert.Equal(fromEmail, PasswordPolicy.IsBuiltFromEmail(password, Email));

    [Fact]
    public void Without_an_email_nothing_is_built_from_it() =>
        Assert.False(PasswordPolicy.IsBuiltFromEmail("Schmidt#2024", null));
}
