using System.Reflection;
using System.Runtime.CompilerServices;

namespace RelationsUsagers.Core.Tests.Data;

/// <summary>
/// The data tests run on every database the portal runs on (issue 18): a class with a <c>Provider</c> has one concrete
/// subclass per <see cref="DatabaseProvider"/>, and <see cref="TestDatabase"/> refuses a database of another provider than
/// its test class's, or one created by a class that has no provider and does not say which database it is about.
/// </summary>
public sealed class TestClassesOnBothDatabasesTests
{
    private static readonly Type[] Types = typeof(TestClassesOnBothDatabasesTests).Assembly.GetTypes();

    private static PropertyInfo? ProviderOf(Type type) =>
        type.GetProperty("Provider", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic) is { } p && p.PropertyType == typeof(DatabaseProvider)
            ? p
            : null;

    /// <summary>The provider a concrete subclass runs on, read without running its constructor.</summary>
    private static DatabaseProvider RunsOn(Type type) => (DatabaseProvider)ProviderOf(type)!.GetValue(RuntimeHelpers.GetUninitializedObject(type))!;

    [Fact]
    public void Every_class_with_a_provider_has_one_subclass_per_database_named_after_it()
    {
        var bases = Types.Where(t => t.IsAbstract && !t.IsSealed && ProviderOf(t)?.DeclaringType == t).ToList();

        Assert.True(bases.Count >= 60, $"{bases.Count} classes on both databases: the search itself must find them.");
        Assert.All(bases, b =>
        {
            var concrete = Types.Where(t => !t.IsAbstract && t.IsSubclassOf(b)).ToList();
            Assert.Equal(Enum.GetValues<DatabaseProvider>().Order(), concrete.Select(RunsOn).Order());
            Assert.All(concrete, c => Assert.Equal($"{RunsOn(c)}{b.Name}", c.Name));
            Assert.All(concrete, c => Assert.True(c.IsSealed, $"{c.Name} is sealed: a subclass of it would run its tests once more."));
        });
    }

    [Fact]
    public void A_class_about_one_database_says_why_and_has_no_provider()
    {
        var marked = Types.Where(t => t.GetCustomAttribute<OneDatabaseAttribute>() is not null).ToList();

        Assert.NotEmpty(marked);
        Assert.All(marked, t =>
        {
            Assert.Null(ProviderOf(t));
            Assert.False(string.IsNullOrWhiteSpace(t.GetCustomAttribute<OneDatabaseAttribute>()!.Because), t.Name);
        });
    }

    [Fact]
    public void A_class_without_a_provider_cannot_create_a_database()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => new TestDatabase(DatabaseProvider.Sqlite));

        Assert.StartsWith("TestClassesOnBothDatabasesTests created a Sqlite database without a Provider", refused.Message, StringComparison.Ordinal);
    }
}

/// <summary>The check of <see cref="TestDatabase"/> at work in a class on both databases.</summary>
public abstract class ProviderOfTheTestClassTests
{
    protected abstract DatabaseProvider Provider { get; }

    [Fact]
    public async Task A_database_of_the_other_provider_is_refused_before_anything_is_created()
    {
        var other = Provider == DatabaseProvider.Sqlite ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => TestDatabase.CreateAsync(other, TestContext.Current.CancellationToken));

        Assert.Equal($"{GetType().Name} runs on {Provider} but a test created a {other} database: pass Provider to TestDatabase and QueueFixture.",
            refused.Message);
    }
}

public sealed class SqliteProviderOfTheTestClassTests : ProviderOfTheTestClassTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlProviderOfTheTestClassTests : ProviderOfTheTestClassTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
