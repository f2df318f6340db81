using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace RelationsUsagers.Core.Insurance;

/// <summary>
/// Euros in code, whole cents in the database: SQLite has no decimal type (EF would store TEXT, which neither sorts nor sums
/// as money), an INTEGER of cents does both exactly. The validators refuse a fraction of a cent, so the conversion loses nothing.
/// </summary>
internal static class CentsConversion
{
    public static readonly ValueConverter<decimal, long> Converter = new(euros => (long)(euros * 100m), cents => cents / 100m);
}

internal sealed class InsurancePolicyConfiguration : IEntityTypeConfiguration<InsurancePolicy>
{
    public void Configure(EntityTypeBuilder<InsurancePolicy> b)
    {
        b.ToTable("InsurancePolicies");
        b.Property(p => p.Insurer).HasMaxLength(200).IsRequired();
        b.Property(p => p.Broker).HasMaxLength(200);
        b.Property(p => p.PolicyNumber).HasMaxLength(60).IsRequired();
        b.Property(p => p.DeductiblePerClaim).HasConversion(CentsConversion.Converter).HasColumnName("DeductiblePerClaimCents");
        b.Property(p => p.RecordedBy).HasMaxLength(256).IsRequired();
        b.HasIndex(p => p.StartsOn);
    }
}

internal sealed class PremiumCallConfiguration : IEntityTypeConfiguration<PremiumCall>
{
    public void Configure(EntityTypeBuilder<PremiumCall> b)
    {
        b.ToTable("PremiumCalls");
        b.HasOne<InsurancePolicy>().WithMany().HasForeignKey(c => c.PolicyId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.Label).HasMaxLength(100).IsRequired();
        b.Property(c => c.Amount).HasConversion(CentsConversion.Converter).HasColumnName("AmountCents");
        b.Property(c => c.PaidAmount).HasConversion(CentsConversion.Converter).HasColumnName("PaidAmountCents");
        b.Property(c => c.RecordedBy).HasMaxLength(256).IsRequired();
        b.HasIndex(c => c.DueOn);
    }
}

internal sealed class ClaimCoverConfiguration : IEntityTypeConfiguration<ClaimCover>
{
    public void Configure(EntityTypeBuilder<ClaimCover> b)
    {
        b.ToTable("ClaimCovers");
        b.HasOne<Cases.CaseFile>().WithMany().HasForeignKey(c => c.CaseFileId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<InsurancePolicy>().WithMany().HasForeignKey(c => c.PolicyId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.CaseFileId).IsUnique();
        b.Property(c => c.Deductible).HasConversion(CentsConversion.Converter).HasColumnName("DeductibleCents");
        b.Property(c => c.RecordedBy).HasMaxLength(256).IsRequired();
    }
}

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> b)
    {
        b.ToTable("LedgerEntries");
        b.HasOne<ClaimCover>().WithMany().HasForeignKey(e => e.ClaimCoverId).OnDelete(DeleteBehavior.Restrict);
        b.Property(e => e.Amount).HasConversion(CentsConversion.Converter).HasColumnName("AmountCents");
        b.Property(e => e.Note).HasMaxLength(LedgerEntry.NoteMaxLength);
        b.Property(e => e.RecordedBy).HasMaxLength(256).IsRequired();
        b.HasIndex(e => e.On);
    }
}

internal sealed class LedgerCorrectionConfiguration : IEntityTypeConfiguration<LedgerCorrection>
{
    public void Configure(EntityTypeBuilder<LedgerCorrection> b)
    {
        b.ToTable("LedgerCorrections");
        b.Property(c => c.UserName).HasMaxLength(256).IsRequired();
        b.Property(c => c.Subject).HasMaxLength(200).IsRequired();
        b.Property(c => c.Field).HasMaxLength(100).IsRequired();
        b.Property(c => c.OldValue).HasMaxLength(600);
        b.Property(c => c.NewValue).HasMaxLength(600);
        b.Property(c => c.Reason).HasMaxLength(Cases.CaseCorrections.ReasonMaxLength).IsRequired();
        b.HasIndex(c => c.SubjectId);
        b.HasIndex(c => c.CaseFileId);
    }
}
