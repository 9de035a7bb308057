using LeadAgent.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace LeadAgent.Web.Features.Accounts.Passwords;

/// <summary>
/// Refuses what attackers try first: the most common passwords and passwords built from the user's own e-mail
/// address (its local part or domain words, any case, with digits or symbols added). Identity's own rules (length,
/// distinct characters) run beside this one.
/// </summary>
public sealed class PasswordPolicy : IPasswordValidator<AppUser>
{
    public const string CommonCode = "CommonPassword";
    public const string FromEmailCode = "PasswordFromEmail";

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }
        if (CommonPasswords.IsCommon(password))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = CommonCode,
                Description = "This is one of the most common passwords, which attackers try first. Choose another.",
            }));
        }
        if (IsBuiltFromEmail(password, user.Email))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = FromEmailCode,
                Description = "The password must not be built from your e-mail address. Choose another.",
            }));
        }
        return Task.FromResult(IdentityResult.Success);
    }

    /// <summary>
    /// True when the password, lowered and stripped of digits and symbols around it (or everywhere), is the e-mail
    /// address, its local part or domain, or one or more of its words next to each other
    /// ("anna.schmidt@event-berlin.de": anna, schmidt, annaschmidt, event, berlin, eventberlin, …).
    /// </summary>
    public static bool IsBuiltFromEmail(string password, string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return false;
        }
        var words = EmailWords(email.Trim().ToLowerInvariant());
        var lower = password.ToLowerInvariant();
        var core = lower.Trim(CommonPasswords.Surrounding(lower));
        var letters = new string(lower.Where(char.IsLetter).ToArray());
        return words.Contains(lower) || words.Contains(core) || words.Contains(letters)
            || CommonPasswords.Candidates(core).Any(words.Contains);
    }

    private static HashSet<string> EmailWords(string email)
    {
        var at = email.LastIndexOf('@');
        var local = at < 0 ? email : email[..at];
        var domain = at < 0 ? "" : email[(at + 1)..];
        var words = new HashSet<string>(StringComparer.Ordinal) { email, local, domain };
        foreach (var part in new[] { local, domain, local + domain })
        {
            words.Add(new string(part.Where(char.IsLetter).ToArray()));
            words.UnionWith(SplitWords(part));
        }
        // Words next to each other, joined ("annaschmidt", "schmidtevent", "eventberlin").
        var sequence = SplitWords(email).Take(12).ToArray();
        for (var from = 0; from < sequence.Length; from++)
        {
            for (var to = from + 1; to <= sequence.Length; to++)
            {
                words.Add(string.Concat(sequence[from..to]));
            }
        }
        // The domain without its top-level part ("event-berlin" of event-berlin.de).
        if (domain.LastIndexOf('.') is > 0 and var dot)
        {
            words.Add(domain[..dot]);
            words.Add(new string(domain[..dot].Where(char.IsLetter).ToArray()));
        }
        words.Remove("");
        return words;
    }

    private static IEnumerable<string> SplitWords(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetter(text[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }
}
