namespace Rampart.Posture.Tests.Inventory;

public sealed class SyntheticInventoryTests
{
    [Fact]
    public void TheSameSeedGivesTheSameInventoryWithAMixOfTypes()
    {
        var a = SyntheticInventory.Generate(2_000, 7);
        var b = SyntheticInventory.Generate(2_000, 7);

        Assert.Equal(2_000, a.Count);
        Assert.Equal(a.Resources.Select(r => r.ContentHash), b.Resources.Select(r => r.ContentHash));
        Assert.Equal(6, a.Types.Length);
        Assert.NotEqual(a.Resources.Select(r => r.ContentHash), SyntheticInventory.Generate(2_000, 8).Resources.Select(r => r.ContentHash));
    }
}
