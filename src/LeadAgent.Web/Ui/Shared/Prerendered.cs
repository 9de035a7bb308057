using System.Text.Json;

namespace LeadAgent.Web.Ui.Shared;

/// <summary>
/// What a prerendered page may carry into its live page (<c>[PersistentState]</c>). The browser sends it back in the
/// message that starts the circuit, and a message over the hub's limit ends the circuit before it starts: so a value
/// over <see cref="Budget"/> is not carried, and the live page reads it again instead.
/// </summary>
public static class Prerendered
{
    /// <summary>The hub's limit on one message from a browser (its default, 32 KB, is too small for a list).</summary>
    public const int HubMessageLimit = 128 * 1024;

    /// <summary>Serialized bytes a page may carry: room left for base64, data protection, component records.</summary>
    public const int Budget = 48 * 1024;

    /// <summary>The value when it fits the budget, else null.</summary>
    public static T? Carry<T>(T value) where T : class =>
        JsonSerializer.SerializeToUtf8Bytes(value).Length <= Budget ? value : null;
}
