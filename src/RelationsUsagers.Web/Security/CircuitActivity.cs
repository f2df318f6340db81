namespace RelationsUsagers.Web.Security;

/// <summary>When the person behind this circuit last navigated or interacted: the idle timeout counts from it.</summary>
public sealed class CircuitActivity(TimeProvider clock)
{
    /// <summary>The circuit starts with a page load, which is activity.</summary>
    public DateTimeOffset LastActivity { get; private set; } = clock.GetUtcNow();

    public void Touch() => LastActivity = clock.GetUtcNow();
}
