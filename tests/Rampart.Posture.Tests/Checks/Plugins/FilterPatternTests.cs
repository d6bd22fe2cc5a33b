using System.Text.Json;
using Rampart.Posture.Checks.Plugins;

namespace Rampart.Posture.Tests.Checks.Plugins;

public sealed class FilterPatternTests
{
    private const string Login = """
        {"eventName":"ConsoleLogin","errorCode":"Client.UnauthorizedOperation","userIdentity":{"type":"Root"},
         "additionalEventData":{"MFAUsed":"No"},"requestParameters":{"items":[{"port":22},{"port":443}]},
         "latency":75,"flag":true,"nothing":null,"message":"ERROR disk full on host-7"}
        """;

    [Theory]
    [InlineData("", true)]
    [InlineData("{ $.eventName = ConsoleLogin }", true)]
    [InlineData("{$.eventName=ConsoleLogin}", true)]
    [InlineData("{ $.eventName = \"consolelogin\" }", false)]
    [InlineData("{ $.eventName != \"ConsoleLogin\" }", false)]
    [InlineData("{ $.errorCode = \"*UnauthorizedOperation\" }", true)]
    [InlineData("{ $.errorCode = \"Client.*\" }", true)]
    [InlineData("{ $.errorCode = \"*Unauthorized*\" }", true)]
    [InlineData("{ $.errorCode = \"AccessDenied*\" }", false)]
    [InlineData("{ $.errorCode = %Unauthori[sz]ed% }", true)]
    [InlineData("{ $.additionalEventData.MFAUsed != \"Yes\" }", true)]
    [InlineData("{ $.userIdentity.invokedBy NOT EXISTS }", true)]
    [InlineData("{ $.userIdentity.type NOT EXISTS }", false)]
    [InlineData("{ $.userIdentity.type EXISTS }", true)]
    [InlineData("{ $.userIdentity.invokedBy != \"x\" }", false)]
    [InlineData("{ $.requestParameters.items[1].port = 443 }", true)]
    [InlineData("{ $.requestParameters.items[2].port = 443 }", false)]
    [InlineData("{ $.latency > 50 }", true)]
    [InlineData("{ $.latency >= 75 && $.latency <= 75 }", true)]
    [InlineData("{ $.latency < 75 }", false)]
    [InlineData("{ $.flag IS TRUE }", true)]
    [InlineData("{ $.flag IS FALSE }", false)]
    [InlineData("{ $.nothing IS NULL }", true)]
    [InlineData("{ $.flag IS NULL }", false)]
    [InlineData("{ ($.eventName = ConsoleLogin) && ($.additionalEventData.MFAUsed != Yes) }", true)]
    [InlineData("{ $.eventName = Other || $.userIdentity.type = Root && $.flag IS TRUE }", true)]
    [InlineData("{ ($.eventName = Other || $.userIdentity.type = Root) && $.flag IS FALSE }", false)]
    [InlineData("ERROR", true)]
    [InlineData("ERROR host", true)]
    [InlineData("ERROR -disk", false)]
    [InlineData("?WARN ?ERROR", true)]
    [InlineData("?WARN ?FATAL", false)]
    [InlineData("\"disk full\"", true)]
    [InlineData("Error", false)]
    public void PatternsMatchAsCloudWatchLogsDoes(string pattern, bool matches)
    {
        var parsed = FilterPattern.TryParse(pattern, out var error);

        Assert.Null(error);
        Assert.Equal(matches, parsed!.Matches(JsonDocument.Parse(Login).RootElement));
    }

    [Theory]
    [InlineData("{ $.eventName = ConsoleLogin", "expected `}`")]
    [InlineData("{ eventName = ConsoleLogin }", "expected a selector starting with `$`")]
    [InlineData("{ $.latency > fast }", "`fast` is not a number")]
    [InlineData("{ $.flag IS MAYBE }", "expected TRUE, FALSE or NULL after IS")]
    [InlineData("{ $.name = %[% }", "is not a regular expression")]
    [InlineData("{ $.a = 1 } extra", "unexpected text after the closing `}`")]
    [InlineData("[ip, user, status=404]", "space-delimited patterns")]
    [InlineData("{ $.eventName = %(?=x)% }", "uses a construct that is not supported")]
    [InlineData("{ $.eventName = %(a)\\1% }", "uses a construct that is not supported")]
    public void PatternsThatCannotBeReadSayWhereAndWhy(string pattern, string message)
    {
        Assert.Null(FilterPattern.TryParse(pattern, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
        if (!pattern.StartsWith('['))
            Assert.Contains("at character ", error, StringComparison.Ordinal);
    }
}
