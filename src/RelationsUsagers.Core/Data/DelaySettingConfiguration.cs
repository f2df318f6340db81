using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;

namespace RelationsUsagers.Core.Data;

/// <summary>The delay settings table, seeded with the defaults (durations in settings, not in code: a change in the law is a change of settings).</summary>
internal sealed class DelaySettingConfiguration : IEntityTypeConfiguration<DelaySetting>
{
    public void Configure(EntityTypeBuilder<DelaySetting> b)
    {
        b.ToTable("DelaySettings");
        b.HasKey(s => s.Code);
        b.Property(s => s.Code).HasMaxLength(50);
        b.Property(s => s.StartEvent).HasMaxLength(100).IsRequired();
        b.Property(s => s.Article).HasMaxLength(200).IsRequired();
        b.Property(s => s.Label).HasMaxLength(200).IsRequired();
        b.HasData(DelaySettings.Defaults);
    }
}

/// <summary>
/// The suspension log. Append-only: the migration adds triggers refusing deletes and any update other than setting
/// EndedOn/EndedBy once, so that a moved due date can always be explained.
/// </summary>
internal sealed class ClockSuspensionConfiguration : IEntityTypeConfiguration<ClockSuspension>
{
    public void Configure(EntityTypeBuilder<ClockSuspension> b)
    {
        b.ToTable("ClockSuspensions");
        b.Property(s => s.ClockCode).HasMaxLength(50);
        b.Property(s => s.Reason).HasMaxLength(LegalClockService.ReasonMaxLength).IsRequired();
        b.Property(s => s.StartedBy).HasMaxLength(256).IsRequired();
        b.Property(s => s.EndedBy).HasMaxLength(256);
        // Restrict: a case with a suspension log is never deleted in cascade (the log would be lost).
        b.HasOne<CaseFile>().WithMany().HasForeignKey(s => s.CaseFileId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.CaseFileId, s.StartedOn });
    }
}
