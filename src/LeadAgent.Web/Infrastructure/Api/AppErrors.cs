namespace LeadAgent.Web.Infrastructure.Api;

/// <summary>Invalid input, with messages per field (camelCase names as in the JSON body).</summary>
public sealed class ValidationFailedException(IDictionary<string, string[]> errors)
    : Exception("Validation failed: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")))
{
    public IDictionary<string, string[]> Errors { get; } = errors;
}

public sealed class NotFoundException(string what, object id) : Exception($"{what} {id} was not found.");

/// <summary>A stale edit or a uniqueness clash.</summary>
public sealed class ConflictException(string message) : Exception(message);

/// <summary>Collects field errors, then throws them together.</summary>
public sealed class Errors
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public bool Any => _errors.Count > 0;

    public Errors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
        return this;
    }

    public string? Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "Required.");
            return null;
        }
        return Optional(field, value, maxLength);
    }

    public string? Optional(string field, string? value, int maxLength)
    {
        var trimmed = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (trimmed is not null && trimmed.Length > maxLength)
        {
            Add(field, $"Must be at most {maxLength} characters.");
        }
        if (trimmed is not null && trimmed.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            Add(field, "Must not contain control characters.");
        }
        return trimmed;
    }

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new ValidationFailedException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }
}

/// <summary>The actor's role does not allow this change (403).</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>The request body is over the allowed size (413).</summary>
public sealed class PayloadTooLargeException(string message) : Exception(message);

/// <summary>The request body has a content type the endpoint does not take (415).</summary>
public sealed class UnsupportedMediaException(string message) : Exception(message);
