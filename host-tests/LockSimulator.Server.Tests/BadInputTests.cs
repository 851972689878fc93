using System.Net.Http;
using System.Threading.Tasks;
using LockSimulator.Server.Contracts;

namespace LockSimulator.Server.Tests;

/// <summary>Whatever a client sends, the answer is a 4xx problem+json and the server and the other locks go on.</summary>
public class BadInputTests
{
    public static TheoryData<string, string, string?, int> Requests => new()
    {
        { "POST", "/locks", "{not json", 400 },
        { "POST", "/locks", """{"lockId":-1}""", 400 },
        { "POST", "/locks", """{"serial":"X"}""", 400 },
        { "POST", "/locks", """{"lockId":5,"colour":"red"}""", 400 },
        { "POST", "/locks", """{"lockId":5,"battery":"nuclear"}""", 400 },
        { "POST", "/locks", """{"lockId":5,"serial":"TOO-LONG-SERIAL"}""", 400 },
        { "POST", "/locks", """{"lockId":5,"secret":"XYZ"}""", 400 },
        { "POST", "/locks", """{"lockId":5,"startFraction":2}""", 400 },
        { "GET", "/locks/abc", null, 400 },
        { "GET", "/locks/404", null, 404 },
        { "PUT", "/locks/1/jam", """{"fraction":1.5}""", 400 },
        { "PUT", "/locks/1/friction", """{"factor":0}""", 400 },
        { "POST", "/locks/1/button", """{"holdMs":1}""", 400 },
        { "PUT", "/locks/1/battery", """{"preset":""}""", 400 },
        { "PUT", "/locks/1/power", "{}", 400 },
        { "POST", "/time/advance", "{}", 400 },
        { "POST", "/time/advance", """{"ms":-5}""", 400 },
        { "POST", "/time/advance", """{"ms":999999999999}""", 400 },
        { "POST", "/time/run", """{"factor":0}""", 400 },
        { "POST", "/locks/1/phone/unlock", """{"credential":"00","key":"00"}""", 400 },
        { "POST", "/locks/1/phone/unlock", """{"credential":"zz","key":"00","mtu":23}""", 400 },
        { "POST", "/locks/1/phone/fly", "{}", 404 },
        { "POST", "/backend/credentials", """{"lockId":1,"keyId":1,"userId":1,"role":"Janitor"}""", 400 },
        { "POST", "/backend/credentials", """{"lockId":1,"keyId":1,"userId":1,"dayEndMinutes":9999}""", 400 },
        { "POST", "/backend/credentials", """{"lockId":1,"keyId":1,"userId":1,"dayStartMinutes":420,"dayEndMinutes":1320}""", 400 }, // a daily window without days
        { "POST", "/backend/credentials", """{"lockId":1,"keyId":1,"userId":1,"days":["Monday"],"dayStartMinutes":1320,"dayEndMinutes":360}""", 400 }, // wraps midnight
        { "GET", "/events/log?limit=0", null, 400 },
        { "PUT", "/webhook", """{"url":"ftp://example"}""", 400 },
        { "GET", "/locks/1/trace?since=-1", null, 400 },
        { "DELETE", "/time", null, 405 },
        { "GET", "/nowhere", null, 404 },
        { "POST", "/locks", """{"lockId":"77"}""", 400 },
        { "POST", "/locks", """{"lockId":77,"lockId":78}""", 400 },
        { "POST", "/time/advance", """{"ms":"5000"}""", 400 },
        { "POST", "/backend/credentials", """{"lockId":1,"keyId":1,"userId":1,"dayStartMinutes":420,"dayEndMinutes":1320}""", 400 },
        { "POST", "/backend/credentials", """{"lockId":1,"keyId":1,"userId":1,"days":[]}""", 400 },
        { "POST", "/backend/credentials", """{"lockId":1,"keyId":1,"userId":1,"days":["Monday"],"dayStartMinutes":900,"dayEndMinutes":600}""", 400 },
        { "POST", "/backend/credentials", """{"lockId":1,"keyId":1,"userId":1,"validFrom":"2026-02-01T00:00:00Z","validUntil":"2026-01-01T00:00:00Z"}""", 400 },
        { "PUT", "/webhook", """{"url":"http://169.254.169.254/latest/meta-data"}""", 400 },
        { "PUT", "/webhook", """{"url":"http://[fe80::1]/hook"}""", 400 },
        { "POST", "/locks/1/pair", """{"secret":"12"}""", 400 },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Bad_requests_get_a_problem_and_harm_nothing(string method, string path, string? body, int expected)
    {
        await using TestServer server = await TestServer.StartAsync();
        await server.Client.CreateLockAsync(new CreateLockRequest { LockId = 1 });
        var (status, type, problem) = await server.SendAsync(new HttpMethod(method), path, body);

        Assert.Equal(expected, status);
        Assert.Equal("application/problem+json", type);
        Assert.Equal(expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        LockView still = await server.Client.Lock(1).GetAsync();
        Assert.True(still.Powered);
        Assert.Null(still.Fault);
    }
}
