namespace LeadAgent.Web.Ui.Shared;

/// <summary>Where a keyset-paged list is: the current cursor and the ones before it, for Previous/Next.</summary>
public sealed class CursorTrail
{
    private readonly Stack<string?> _back = new();

    public string? Current { get; private set; }
    public int PageNumber => _back.Count + 1;
    public bool HasPrevious => _back.Count > 0;

    public void Reset()
    {
        _back.Clear();
        Current = null;
    }

    public void Forward(string? next)
    {
        _back.Push(Current);
        Current = next;
    }

    public void Back() => Current = _back.Pop();
}
