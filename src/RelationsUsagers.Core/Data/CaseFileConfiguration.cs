using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Claims;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Requisitions;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Data;

internal sealed class CaseFileConfiguration : IEntityTypeConfiguration<CaseFile>
{
    public void Configure(EntityTypeBuilder<CaseFile> b)
    {
        b.ToTable("CaseFiles");
        var discriminator = b.HasDiscriminator(c => c.Kind);
        foreach (var kind in CaseKinds.All)
            discriminator.HasValue(kind.New().GetType(), kind.Kind);
        b.Property(c => c.Reference).HasMaxLength(20).IsRequired();
        b.HasIndex(c => c.Reference).IsUnique();
        b.Property(c => c.Summary).HasMaxLength(8000);
        b.Property(c => c.AssignedTo).HasMaxLength(256);
        b.Property(c => c.ConcurrencyStamp).IsConcurrencyToken();
        b.ComplexProperty(c => c.Patient, p =>
        {
            p.Property(x => x.LastName).HasMaxLength(100);
            p.Property(x => x.FirstName).HasMaxLength(100);
            p.Property(x => x.SearchName).HasMaxLength(220);
            p.Property(x => x.PatientNumber).HasMaxLength(30);
        });
        b.ComplexProperty(c => c.Requester, p =>
        {
            p.Property(x => x.Name).HasMaxLength(200);
            p.Property(x => x.SearchName).HasMaxLength(200);
        });
        b.Ignore(c => c.LiveEvents);
        b.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.CaseFileId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Documents).WithOne().HasForeignKey(d => d.CaseFileId).OnDelete(DeleteBehavior.Cascade);

        // The queue: open cases by urgency, by kind and date, by assignee.
        b.HasIndex(c => new { c.Status, c.NextDueOn });
        b.HasIndex(c => new { c.Kind, c.ReceivedOn });
        b.HasIndex(c => new { c.AssignedTo, c.NextDueOn });

        // The officer's queue shows open cases only (about a third of them): partial indexes over the open cases, in
        // urgency order (NextDueOn, Reference), that also hold Status so that counts never read the table.
        // IX_CaseFiles_OpenQueue (NextDueOn, Reference, Kind, Patient_SearchName, Requester_SearchName,
        // Patient_PatientNumber, FormerReference, Status), the same for the whole queue and its search box, is created by raw SQL in the
        // QueueIndexes, PersonSearchIndexes and FormerReferenceSearch migrations: EF Core 10 cannot index the columns of a complex property
        // (efcore#31246). So are IX_CaseFiles_ClosedSearch, the same search columns over the closed cases (WHERE
        // ClosedCaseFilter), and the person lookup's indexes, by IPP and by name (PersonSearchIndexes). A table rebuild
        // by a later migration drops them: see QueueIndexTests and PersonCasesTests, which fail then.
        b.HasIndex(c => new { c.Kind, c.NextDueOn, c.Reference, c.Status }, OpenQueueKindIndex).HasFilter(OpenCaseFilter);
    }

    public const string OpenQueueIndex = "IX_CaseFiles_OpenQueue";
    public const string OpenQueueKindIndex = "IX_CaseFiles_OpenQueue_Kind";
    public const string ClosedSearchIndex = "IX_CaseFiles_ClosedSearch";
    public const string PatientNumberIndex = "IX_CaseFiles_Patient_PatientNumber";
    public const string PatientNameIndex = "IX_CaseFiles_Patient_SearchName";

    /// <summary>PostgreSQL only (QueueSearchIndexes, RawSql.cs): the search box's trigram indexes over the open and the closed cases.</summary>
    public const string OpenSearchTrigramIndex = "IX_CaseFiles_OpenSearch_Trigram";
    public const string ClosedSearchTrigramIndex = "IX_CaseFiles_ClosedSearch_Trigram";

    /// <summary>PostgreSQL only (QueueSearchIndexes): the undated open cases by reference, the urgency order's second part.</summary>
    public const string OpenUndatedIndex = "IX_CaseFiles_OpenUndated";

    /// <summary>PostgreSQL only (QueueSearchIndexes): extended statistics on (Status, NextDueOn).</summary>
    public const string StatusNextDueStatistics = "ST_CaseFiles_Status_NextDueOn";

    /// <summary>
    /// The WHERE of the open-queue partial indexes. SQLite uses a partial index only for a query that contains this very
    /// term, and EF Core translates the queue's open-case filter (Status other than Closed, Refused and Abandoned, in this
    /// order) to exactly this text: change both together.
    /// </summary>
    public static readonly string OpenCaseFilter =
        $"\"Status\" NOT IN ({(int)CaseStatus.Closed}, {(int)CaseStatus.Refused}, {(int)CaseStatus.Abandoned})";

    /// <summary>The WHERE of <see cref="ClosedSearchIndex"/>: EF Core translates the queue's closed-case filter to this very text.</summary>
    public static readonly string ClosedCaseFilter =
        $"\"Status\" IN ({(int)CaseStatus.Closed}, {(int)CaseStatus.Refused}, {(int)CaseStatus.Abandoned})";
}

internal sealed class RequisitionConfiguration : IEntityTypeConfiguration<Requisition>
{
    public void Configure(EntityTypeBuilder<Requisition> b)
    {
        b.ComplexCollection(r => r.Items, i => i.ToJson());
        b.ComplexCollection(r => r.ServicesTold, s => s.ToJson());
    }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> b)
    {
        b.Property(e => e.Type).HasMaxLength(50);
        b.HasIndex(e => new { e.CaseFileId, e.OccurredOn });
        // The correction history lives on the event's own row (one JSON column): no extra table nor Include to read it.
        b.ComplexCollection(e => e.Corrections, c => c.ToJson());
    }
}

internal sealed class CaseDocumentConfiguration : IEntityTypeConfiguration<CaseDocument>
{
    public void Configure(EntityTypeBuilder<CaseDocument> b)
    {
        b.Property(d => d.WithdrawnBy).HasMaxLength(256);
        b.Property(d => d.WithdrawalReason).HasMaxLength(CaseCorrections.ReasonMaxLength);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasIndex(a => new { a.CaseFileId, a.AtUtc });
        // A user's latest line of an action (AuditReads: is this read a repeat?), asked on every queue search.
        b.HasIndex(a => new { a.UserName, a.Action });
        b.Property(a => a.Action).HasMaxLength(50);
        b.Property(a => a.Hash).HasMaxLength(64);
    }
}

internal sealed class ReferenceCounterConfiguration : IEntityTypeConfiguration<ReferenceCounter>
{
    public void Configure(EntityTypeBuilder<ReferenceCounter> b) => b.HasKey(r => new { r.Kind, r.Year });
}
