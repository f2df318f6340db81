namespace RelationsUsagers.Core.AccessRequests;

/// <summary>
/// Ceiling of what a copy may cost the requester: reproduction (and sending) cost only, L.1111-7 last paragraph and
/// R.1111-2. Defaults are the CRPA scale CADA applies to hospitals (arrêté of 1 October 2001: 0,18 € per A4 page,
/// 2,75 € per CD-ROM) — a setting [M], not a certainty: appsettings "CopyFees:PagePrice" and "CopyFees:DiscPrice".
/// </summary>
public sealed record CopyFeeSchedule(long PerPageCents = 18, long PerDiscCents = 275)
{
    public static CopyFeeSchedule Default { get; } = new();

    /// <summary>The highest reproduction fee allowed for the request's pages and medium; null when the page count is unknown.</summary>
    public long? MaxReproductionCents(AccessRequest request)
    {
        if (request.CommunicationMode == CommunicationMode.OnSite)
            return 0;
        if (request.PageCount is not { } pages)
            return null;
        return pages * PerPageCents + (IsDisc(request.Medium) ? PerDiscCents : 0);
    }

    /// <summary>A CD or DVD (imaging, large records): one disc's price on top of the pages.</summary>
    public static bool IsDisc(string? medium) => medium is not null
        && (medium.Contains("CD", StringComparison.OrdinalIgnoreCase) || medium.Contains("DVD", StringComparison.OrdinalIgnoreCase));
}
