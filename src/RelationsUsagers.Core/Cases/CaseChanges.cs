namespace RelationsUsagers.Core.Cases;

/// <summary>
/// Tells open queues that a case was created or changed, so that they reload within a moment.
/// One process serves every circuit, so an in-memory event reaches all of them.
/// </summary>
public sealed class CaseChanges
{
    public event Action? Changed;

    public void Publish() => Changed?.Invoke();
}
