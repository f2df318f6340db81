using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Claims;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Insurance;

/// <summary>The office's setting for the ledger: after how many days an unpaid refund request is chased.</summary>
public sealed record InsuranceOptions(int RefundOverdueDays = LedgerBalance.DefaultRefundOverdueDays);

/// <summary>A claim of the ledger on a day: the claim's references, its cover, its entries and where it stands.</summary>
public sealed record ClaimLedger(ClaimCover Cover, Guid CaseFileId, string Reference, string? InsurerName, string? InsurerReference,
    InsurancePolicy Policy, IReadOnlyList<LedgerEntry> Entries, ClaimPosition Position, IReadOnlyList<OpenRefund> OpenRefunds)
{
    public bool HasOverdueRefund => OpenRefunds.Any(r => r.Overdue);
}

/// <summary>A policy with its premium calls (cancelled ones included, shown struck through).</summary>
public sealed record PolicyLedger(InsurancePolicy Policy, IReadOnlyList<PremiumCall> Calls);

/// <summary>The year's page and workbook: the balance, the policies of the year, the claims touched or still open.</summary>
public sealed record InsuranceYear(LedgerYear Balance, int RefundOverdueDays, IReadOnlyList<PolicyLedger> Policies, IReadOnlyList<ClaimLedger> Claims);

/// <summary>An indemnity claim that can be put in the ledger (no cover yet).</summary>
public sealed record UncoveredClaim(Guid CaseFileId, string Reference, string? InsurerReference, DateOnly ReceivedOn);

/// <summary>
/// The liability-insurance ledger (RULES §9): policies, premium calls, claims' deductibles, advances and refunds. Every change
/// is one save with its audit line; a recorded value is never overwritten without a reason, kept with the old value in
/// <see cref="LedgerCorrection"/> (correct, never erase). Filling a value still empty (a payment) needs no reason.
/// </summary>
public sealed class InsuranceLedgerService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, InsuranceOptions options,
    CaseChanges? caseChanges = null)
{
    public int RefundOverdueDays => options.RefundOverdueDays;

    public DateOnly Today => ParisCalendar.Today(clock);

    // ---------- reading ----------

    public async Task<InsuranceYear> GetYearAsync(int year, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = Today;
        var asOf = LedgerBalance.AsOf(year, today);
        var policies = await db.InsurancePolicies.AsNoTracking().ToListAsync(ct);
        var calls = await db.PremiumCalls.AsNoTracking().ToListAsync(ct);
        var claims = await LoadClaimsAsync(db, null, asOf, ct);
        var yearPolicies = policies.Where(p => p.Overlaps(year) || calls.Any(c => c.PolicyId == p.Id && (c.DueOn.Year == year || c.PaidOn?.Year == year)))
            .OrderBy(p => p.StartsOn)
            .Select(p => new PolicyLedger(p, calls.Where(c => c.PolicyId == p.Id).OrderBy(c => c.DueOn).ThenBy(c => c.Label).ToList()))
            .ToList();
        // A claim belongs to the year if its policy runs in it, it moved in it, or money is still outstanding at its end.
        var yearClaims = claims.Where(c => c.Policy.Overlaps(year) || c.Entries.Any(e => !e.Cancelled && e.On.Year == year)
                || (c.Entries.Any(e => !e.Cancelled && e.On <= asOf) && (c.Position.ToRecover != 0 || c.Position.DeductibleOwed != 0)))
            .OrderBy(c => c.Reference, StringComparer.Ordinal).ToList();
        var balance = LedgerBalance.Year(year, today, calls, claims.Select(c => (c.Cover.Deductible, c.Entries)), options.RefundOverdueDays);
        return new InsuranceYear(balance, options.RefundOverdueDays, yearPolicies, yearClaims);
    }

    /// <summary>The ledger of one claim today, or null if it is not in the ledger.</summary>
    public async Task<ClaimLedger?> GetClaimAsync(Guid caseFileId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await LoadClaimsAsync(db, caseFileId, Today, ct)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<LedgerCorrection>> CorrectionsAsync(Guid? caseFileId = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.LedgerCorrections.AsNoTracking();
        if (caseFileId is { } id)
            query = query.Where(c => c.CaseFileId == id);
        return await query.OrderByDescending(c => c.Id).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<InsurancePolicy>> PoliciesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.InsurancePolicies.AsNoTracking().ToListAsync(ct)).OrderByDescending(p => p.StartsOn).ToList();
    }

    /// <summary>The indemnity claims not yet in the ledger, newest first.</summary>
    public async Task<IReadOnlyList<UncoveredClaim>> UncoveredClaimsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.IndemnityClaims.AsNoTracking().Where(c => !db.ClaimCovers.Any(v => v.CaseFileId == c.Id))
            .OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Reference)
            .Select(c => new UncoveredClaim(c.Id, c.Reference, c.InsurerClaimNumber, c.ReceivedOn)).ToListAsync(ct);
    }

    private async Task<List<ClaimLedger>> LoadClaimsAsync(AppDbContext db, Guid? caseFileId, DateOnly asOf, CancellationToken ct)
    {
        var covers = db.ClaimCovers.AsNoTracking();
        if (caseFileId is { } id)
            covers = covers.Where(c => c.CaseFileId == id);
        var rows = await (from cover in covers
                          join claim in db.IndemnityClaims on cover.CaseFileId equals claim.Id
                          join policy in db.InsurancePolicies on cover.PolicyId equals policy.Id
                          select new { cover, claim.Reference, claim.InsurerName, claim.InsurerClaimNumber, policy }).ToListAsync(ct);
        var coverIds = rows.Select(r => r.cover.Id).ToList();
        var entries = (await db.LedgerEntries.AsNoTracking().Where(e => coverIds.Contains(e.ClaimCoverId)).ToListAsync(ct))
            .ToLookup(e => e.ClaimCoverId);
        return rows.Select(r =>
        {
            var own = entries[r.cover.Id].OrderBy(e => e.On).ThenBy(e => e.RecordedAtUtc).ToList();
            return new ClaimLedger(r.cover, r.cover.CaseFileId, r.Reference, r.InsurerName, r.InsurerClaimNumber, r.policy, own,
                LedgerBalance.Position(r.cover.Deductible, own, asOf), LedgerBalance.OpenRefunds(own, asOf, options.RefundOverdueDays));
        }).ToList();
    }

    // ---------- policies and premium calls ----------

    /// <summary>Records a new policy, or corrects one (a changed recorded value needs <paramref name="reason"/>).</summary>
    public async Task<InsurancePolicy> SavePolicyAsync(InsurancePolicy draft, string? reason = null, CancellationToken ct = default)
    {
        Ensure(new InsurancePolicyValidator(), draft);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.InsurancePolicies.FirstOrDefaultAsync(p => p.Id == draft.Id, ct);
        if (stored is null)
        {
            var added = new InsurancePolicy
            {
                Id = draft.Id, Insurer = draft.Insurer.Trim(), Broker = Blank(draft.Broker), PolicyNumber = draft.PolicyNumber.Trim(),
                StartsOn = draft.StartsOn, EndsOn = draft.EndsOn, DeductiblePerClaim = draft.DeductiblePerClaim, RecordedAtUtc = db.UtcNow,
                RecordedBy = db.CurrentUserName,
            };
            db.InsurancePolicies.Add(added);
            Audit(db, null, null, $"Contrat {added.PolicyNumber} ({added.Insurer}) du {added.StartsOn:dd/MM/yyyy} au {added.EndsOn:dd/MM/yyyy}, franchise par sinistre {Euros.Format(added.DeductiblePerClaim)}");
            await db.SaveChangesAsync(ct);
            return added;
        }
        var subject = $"Contrat {stored.PolicyNumber}";
        var changes = new List<Change>
        {
            new(InsuranceFieldNames.Insurer, stored.Insurer, draft.Insurer.Trim()),
            new(InsuranceFieldNames.Broker, stored.Broker, Blank(draft.Broker)),
            new(InsuranceFieldNames.PolicyNumber, stored.PolicyNumber, draft.PolicyNumber.Trim()),
            new(InsuranceFieldNames.StartsOn, Day(stored.StartsOn), Day(draft.StartsOn)),
            new(InsuranceFieldNames.EndsOn, Day(stored.EndsOn), Day(draft.EndsOn)),
            new(InsuranceFieldNames.DeductiblePerClaim, Euros.Format(stored.DeductiblePerClaim), Euros.Format(draft.DeductiblePerClaim)),
        };
        Record(db, stored.Id, null, null, subject, changes, reason);
        (stored.Insurer, stored.Broker, stored.PolicyNumber) = (draft.Insurer.Trim(), Blank(draft.Broker), draft.PolicyNumber.Trim());
        (stored.StartsOn, stored.EndsOn, stored.DeductiblePerClaim) = (draft.StartsOn, draft.EndsOn, draft.DeductiblePerClaim);
        await db.SaveChangesAsync(ct);
        return stored;
    }

    /// <summary>Records a premium call or its payment, or corrects it (a changed recorded value needs <paramref name="reason"/>).</summary>
    public async Task<PremiumCall> SaveCallAsync(PremiumCall draft, string? reason = null, CancellationToken ct = default)
    {
        Ensure(new PremiumCallValidator(Today), draft);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var policy = await db.InsurancePolicies.AsNoTracking().FirstOrDefaultAsync(p => p.Id == draft.PolicyId, ct)
            ?? throw new CaseRuleException("Ce contrat n'existe pas.");
        var stored = await db.PremiumCalls.FirstOrDefaultAsync(c => c.Id == draft.Id, ct);
        if (stored is null)
        {
            var added = new PremiumCall
            {
                Id = draft.Id, PolicyId = policy.Id, Label = draft.Label.Trim(), Amount = draft.Amount, DueOn = draft.DueOn, PaidOn = draft.PaidOn,
                PaidAmount = draft.PaidAmount, RecordedAtUtc = db.UtcNow, RecordedBy = db.CurrentUserName,
            };
            db.PremiumCalls.Add(added);
            Audit(db, null, null, $"Contrat {policy.PolicyNumber}\u00A0: appel « {added.Label} » de {Euros.Format(added.Amount)} à échéance du {added.DueOn:dd/MM/yyyy}"
                + (added.PaidOn is { } on ? $", payé {Euros.Format(added.PaidAmount)} le {on:dd/MM/yyyy}" : ""));
            await db.SaveChangesAsync(ct);
            return added;
        }
        if (stored.Cancelled)
            throw new CaseRuleException("Cet appel de cotisation est annulé\u00A0: il ne peut plus être modifié.");
        var changes = new List<Change>
        {
            new(InsuranceFieldNames.CallLabel, stored.Label, draft.Label.Trim()),
            new(InsuranceFieldNames.CallAmount, Euros.Format(stored.Amount), Euros.Format(draft.Amount)),
            new(InsuranceFieldNames.DueOn, Day(stored.DueOn), Day(draft.DueOn)),
            new(InsuranceFieldNames.PaidOn, Day(stored.PaidOn), Day(draft.PaidOn)),
            new(InsuranceFieldNames.PaidAmount, Money(stored.PaidAmount), Money(draft.PaidAmount)),
        };
        Record(db, stored.Id, null, null, $"Contrat {policy.PolicyNumber}, appel « {stored.Label} »", changes, reason);
        (stored.Label, stored.Amount, stored.DueOn, stored.PaidOn, stored.PaidAmount) = (draft.Label.Trim(), draft.Amount, draft.DueOn, draft.PaidOn, draft.PaidAmount);
        await db.SaveChangesAsync(ct);
        return stored;
    }

    /// <summary>Cancels a call made by mistake: it stays, struck through, out of the sums; the reason is kept.</summary>
    public async Task CancelCallAsync(Guid callId, string? reason, CancellationToken ct = default)
    {
        reason = CaseCorrections.RequireReason(reason, "Le motif de l'annulation est obligatoire.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var call = await db.PremiumCalls.FirstOrDefaultAsync(c => c.Id == callId, ct) ?? throw new CaseRuleException("Cet appel de cotisation n'existe pas.");
        if (call.Cancelled)
            throw new CaseRuleException("Cet appel de cotisation est déjà annulé.");
        var number = await db.InsurancePolicies.Where(p => p.Id == call.PolicyId).Select(p => p.PolicyNumber).SingleAsync(ct);
        Record(db, call.Id, null, null, $"Contrat {number}, appel « {call.Label} »",
            [new Change(InsuranceFieldNames.Cancelled, Euros.Format(call.Amount), "annulé")], reason);
        call.Cancelled = true;
        await db.SaveChangesAsync(ct);
    }

    // ---------- claims ----------

    /// <summary>Puts an indemnity claim in the ledger, or corrects its policy or deductible (with <paramref name="reason"/>).</summary>
    public async Task<ClaimCover> SaveCoverAsync(ClaimCover draft, string? reason = null, CancellationToken ct = default)
    {
        Ensure(new ClaimCoverValidator(), draft);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var claim = await db.IndemnityClaims.AsNoTracking().Where(c => c.Id == draft.CaseFileId).Select(c => new { c.Id, c.Reference }).FirstOrDefaultAsync(ct)
            ?? throw new CaseRuleException("Ce dossier n'est pas une demande d'indemnisation.");
        var policy = await db.InsurancePolicies.AsNoTracking().FirstOrDefaultAsync(p => p.Id == draft.PolicyId, ct)
            ?? throw new CaseRuleException("Ce contrat n'existe pas.");
        var stored = await db.ClaimCovers.FirstOrDefaultAsync(c => c.Id == draft.Id || c.CaseFileId == draft.CaseFileId, ct);
        if (stored is null)
        {
            var added = new ClaimCover
            {
                Id = draft.Id, CaseFileId = claim.Id, PolicyId = policy.Id, Deductible = draft.Deductible, RecordedAtUtc = db.UtcNow,
                RecordedBy = db.CurrentUserName,
            };
            db.ClaimCovers.Add(added);
            Audit(db, claim.Id, claim.Reference, $"Sinistre inscrit au contrat {policy.PolicyNumber}, franchise applicable {Euros.Format(added.Deductible)}");
            await db.SaveChangesAsync(ct);
            await PublishAsync(db, claim.Id);
            return added;
        }
        if (stored.Id != draft.Id)
            throw new CaseRuleException($"Le dossier {claim.Reference} est déjà inscrit au registre de l'assurance.");
        var previousNumber = await db.InsurancePolicies.Where(p => p.Id == stored.PolicyId).Select(p => p.PolicyNumber).SingleAsync(ct);
        var changes = new List<Change>
        {
            new(InsuranceFieldNames.Policy, previousNumber, policy.PolicyNumber),
            new(InsuranceFieldNames.Deductible, Euros.Format(stored.Deductible), Euros.Format(draft.Deductible)),
        };
        Record(db, stored.Id, claim.Id, claim.Reference, $"Sinistre {claim.Reference}", changes, reason);
        (stored.PolicyId, stored.Deductible) = (policy.Id, draft.Deductible);
        await db.SaveChangesAsync(ct);
        await PublishAsync(db, claim.Id);
        return stored;
    }

    /// <summary>The checks of an entry, at its fields: the validator with the refunds still open on the entry's date.</summary>
    public async Task<FluentValidation.Results.ValidationResult> ValidateEntryAsync(LedgerEntry draft, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var others = await db.LedgerEntries.AsNoTracking().Where(e => e.ClaimCoverId == draft.ClaimCoverId && e.Id != draft.Id).ToListAsync(ct);
        var open = draft.Kind == LedgerEntryKind.RefundReceived ? LedgerBalance.OpenRefundTotal(others, draft.On == default ? Today : draft.On) : (decimal?)null;
        return await new LedgerEntryValidator(Today, open).ValidateAsync(draft, ct);
    }

    /// <summary>Records a money move of a claim, or corrects one (always with <paramref name="reason"/>: it was recorded).</summary>
    public async Task<LedgerEntry> SaveEntryAsync(LedgerEntry draft, string? reason = null, CancellationToken ct = default)
    {
        var result = await ValidateEntryAsync(draft, ct);
        if (!result.IsValid)
            throw new CaseRuleException(string.Join(" ", result.Errors.Select(e => e.ErrorMessage).Distinct()));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cover = await db.ClaimCovers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == draft.ClaimCoverId, ct)
            ?? throw new CaseRuleException("Ce sinistre n'est pas inscrit au registre de l'assurance.");
        var reference = await db.CaseFiles.Where(c => c.Id == cover.CaseFileId).Select(c => c.Reference).SingleAsync(ct);
        var stored = await db.LedgerEntries.FirstOrDefaultAsync(e => e.Id == draft.Id, ct);
        if (stored is null)
        {
            var added = new LedgerEntry
            {
                Id = draft.Id, ClaimCoverId = cover.Id, Kind = draft.Kind, On = draft.On, Amount = draft.Amount, Note = Blank(draft.Note),
                RecordedAtUtc = db.UtcNow, RecordedBy = db.CurrentUserName,
            };
            db.LedgerEntries.Add(added);
            Audit(db, cover.CaseFileId, reference, $"{added.Kind.Label()} du {added.On:dd/MM/yyyy}\u00A0: {Euros.Format(added.Amount)}");
            await db.SaveChangesAsync(ct);
            await PublishAsync(db, cover.CaseFileId);
            return added;
        }
        if (stored.Cancelled)
            throw new CaseRuleException("Cette écriture est annulée\u00A0: elle ne peut plus être modifiée.");
        var changes = new List<Change>
        {
            new(InsuranceFieldNames.EntryKind, stored.Kind.Label(), draft.Kind.Label()),
            new(InsuranceFieldNames.EntryOn, Day(stored.On), Day(draft.On)),
            new(InsuranceFieldNames.EntryAmount, Euros.Format(stored.Amount), Euros.Format(draft.Amount)),
            new(InsuranceFieldNames.EntryNote, stored.Note, Blank(draft.Note)),
        };
        Record(db, stored.Id, cover.CaseFileId, reference, $"{stored.Kind.Label()} du {stored.On:dd/MM/yyyy}", changes, reason, always: true);
        (stored.Kind, stored.On, stored.Amount, stored.Note) = (draft.Kind, draft.On, draft.Amount, Blank(draft.Note));
        await db.SaveChangesAsync(ct);
        await PublishAsync(db, cover.CaseFileId);
        return stored;
    }

    /// <summary>Cancels an entry made by mistake: it stays, struck through, out of the sums; the reason is kept.</summary>
    public async Task CancelEntryAsync(Guid entryId, string? reason, CancellationToken ct = default)
    {
        reason = CaseCorrections.RequireReason(reason, "Le motif de l'annulation est obligatoire.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entry = await db.LedgerEntries.FirstOrDefaultAsync(e => e.Id == entryId, ct) ?? throw new CaseRuleException("Cette écriture n'existe pas.");
        if (entry.Cancelled)
            throw new CaseRuleException("Cette écriture est déjà annulée.");
        var caseId = await db.ClaimCovers.Where(c => c.Id == entry.ClaimCoverId).Select(c => c.CaseFileId).SingleAsync(ct);
        var reference = await db.CaseFiles.Where(c => c.Id == caseId).Select(c => c.Reference).SingleAsync(ct);
        Record(db, entry.Id, caseId, reference, $"{entry.Kind.Label()} du {entry.On:dd/MM/yyyy}",
            [new Change(InsuranceFieldNames.Cancelled, Euros.Format(entry.Amount), "annulé")], reason);
        entry.Cancelled = true;
        await db.SaveChangesAsync(ct);
        await PublishAsync(db, caseId);
    }

    /// <summary>A claim's ledger line changed: its case page and the queue are told, after the commit.</summary>
    private Task PublishAsync(AppDbContext db, Guid caseId) => caseChanges?.PublishAsync(db, caseId) ?? Task.CompletedTask;

    // ---------- corrections and audit ----------

    private sealed record Change(string Field, string? Old, string? New)
    {
        public bool Changed => !string.Equals(Old ?? "", New ?? "", StringComparison.Ordinal);
        /// <summary>A value filled in where there was none (a payment recorded) corrects nothing.</summary>
        public bool Replaces => Changed && !string.IsNullOrEmpty(Old) && Old != "—";
    }

    /// <summary>
    /// Writes what changed: one correction per replaced value with <paramref name="reason"/> (required then), and one audit line.
    /// <paramref name="always"/>: every change is a correction (an entry is a fact already recorded).
    /// </summary>
    private static void Record(AppDbContext db, Guid subjectId, Guid? caseId, string? reference, string subject, IReadOnlyList<Change> changes,
        string? reason, bool always = false)
    {
        var changed = changes.Where(c => c.Changed).ToList();
        if (changed.Count == 0)
            throw new CaseRuleException("Aucune valeur n'a changé.");
        var corrections = changed.Where(c => always || c.Replaces).ToList();
        string? kept = null;
        if (corrections.Count > 0)
        {
            kept = CaseCorrections.RequireReason(reason,
                $"Le motif de la correction est obligatoire\u00A0: {string.Join(", ", corrections.Select(c => c.Field.ToLower(CultureInfo.GetCultureInfo("fr-FR"))))} déjà enregistré(s).");
            foreach (var c in corrections)
                db.LedgerCorrections.Add(new LedgerCorrection
                {
                    AtUtc = db.UtcNow, UserName = db.CurrentUserName, SubjectId = subjectId, CaseFileId = caseId, Subject = subject,
                    Field = c.Field, OldValue = c.Old, NewValue = c.New, Reason = kept,
                });
        }
        var details = $"{subject} — {string.Join("\u00A0; ", changed.Select(c => $"{c.Field}\u00A0: {c.Old ?? "—"} → {c.New ?? "—"}"))}"
            + (kept is null ? "" : $" (motif\u00A0: {kept})");
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = db.UtcNow, UserName = db.CurrentUserName, CaseFileId = caseId, CaseReference = reference,
            Action = kept is null ? AuditActions.InsuranceLedger : AuditActions.InsuranceLedgerCorrected, Details = details,
        });
    }

    private static void Audit(AppDbContext db, Guid? caseId, string? reference, string details) =>
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = db.UtcNow, UserName = db.CurrentUserName, CaseFileId = caseId, CaseReference = reference,
            Action = AuditActions.InsuranceLedger, Details = details,
        });

    private static void Ensure<T>(IValidator<T> validator, T draft)
    {
        var result = validator.Validate(draft);
        if (!result.IsValid)
            throw new CaseRuleException(string.Join(" ", result.Errors.Select(e => e.ErrorMessage).Distinct()));
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    private static string? Day(DateOnly? day) => day?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
    private static string? Money(decimal? amount) => amount is { } a ? Euros.Format(a) : null;
}
