using Rampart.Core;

namespace Rampart.Core.Tests;

public sealed class IdentityCacheTests
{
    [Fact]
    public void AKeyMetAgainIsAnsweredWithoutTheLookup()
    {
        var cache = new IdentityCache<string, int>(16);
        var key = new string('k', 3);
        var lookups = 0;
        int Lookup(string value)
        {
            lookups++;
            return value.Length;
        }

        Assert.Equal(3, cache.Get(key, Lookup));
        Assert.Equal(3, cache.Get(key, Lookup));
        Assert.Equal(1, lookups);
    }

    [Fact]
    public void EqualKeysThatAreOtherInstancesAreLookedUpOnTheirOwn()
    {
        var cache = new IdentityCache<string, string>(16);
        var first = new string('k', 3);
        var second = new string('k', 3);

        Assert.Same(first, cache.Get(first, key => key));
        Assert.Same(second, cache.Get(second, key => key));
    }

    [Fact]
    public void AForgottenValueIsLookedUpAgain()
    {
        var cache = new IdentityCache<string, object>(4);
        var keys = Enumerable.Range(0, 50).Select(i => "key" + i).ToList();
        var old = new object();
        foreach (var key in keys)
            cache.Get(key, _ => old);

        cache.Forget(old);

        var fresh = new object();
        Assert.All(keys, key => Assert.Same(fresh, cache.Get(key, _ => fresh)));
    }

    [Fact]
    public void ManyKeysSharingFewSlotsStillGetTheirOwnValues()
    {
        var cache = new IdentityCache<string, string>(2);
        var keys = Enumerable.Range(0, 100).Select(i => "key" + i).ToList();

        for (var round = 0; round < 3; round++)
            Assert.All(keys, key => Assert.Equal(key.ToUpperInvariant(), cache.Get(key, value => value.ToUpperInvariant())));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(-4)]
    public void ASizeThatIsNotAPowerOfTwoIsRefused(int slots) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new IdentityCache<string, int>(slots));
}
