using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RelationsUsagers.Core.Expressions;

internal sealed class UserExpressionConfiguration : IEntityTypeConfiguration<UserExpression>
{
    public void Configure(EntityTypeBuilder<UserExpression> b)
    {
        b.ToTable("UserExpressions");
        b.Property(e => e.Service).HasMaxLength(200);
        b.Property(e => e.PersonName).HasMaxLength(200);
        b.Property(e => e.Text).HasMaxLength(UserExpression.TextMaxLength).IsRequired();
        b.Property(e => e.Answer).HasMaxLength(UserExpression.TextMaxLength);
        b.Property(e => e.RecordedBy).HasMaxLength(256).IsRequired();
        b.Property(e => e.ComplaintReference).HasMaxLength(20);
        b.HasIndex(e => e.OccurredOn);
    }
}
