using System;
using System.Collections.Generic;
using System.Linq;
using LockFirmware.Ble;
using LockFirmware.Protocol.Client;
using LockSimulator;
using LockSimulator.Tracing;
using Xunit;

namespace LockFirmware.HostTests;

/// <summary>The simulated phone's own bookkeeping: what it writes on the link and what it keeps of the answers.</summary>
public class SimulatedPhoneTests
{
    [Theory]
    [InlineData(Fragment.DefaultPayload)]
    [InlineData(60)]
    [InlineData(244)]
    public void Every_message_is_written_in_the_fragments_the_protocol_library_cuts(int mtuPayload)
    {
        var sim = new SimulatedLock(new LockSetup());
        SimulatedPhone phone = SimulatedPhone.Staff(sim);
        phone.MtuPayload = mtuPayload;
        phone.Send(0, Opcode.Status);
        phone.Send(20_000, Opcode.Unlock);
        sim.RunUntil(40_000);
        Assert.Equal(2, phone.Answered);

        List<byte[]> written = sim.Trace.Events.Where(e => e.Signal == Signals.BleIn).Select(e => Convert.FromHexString(e.Value)).ToList();
        int messages = 0;
        for (int first = 0; first < written.Count; messages++)
        {
            int last = written.FindIndex(first, f => (f[0] & Fragment.Last) != 0);
            byte[] message = written.Skip(first).Take(last - first + 1).SelectMany(f => f.Skip(1)).ToArray();
            int payload = written.Skip(first).Take(last - first + 1).Max(f => f.Length);
            Assert.Equal(Fragments.Split(message, payload <= Fragment.DefaultPayload ? Fragment.DefaultPayload : mtuPayload).Select(Convert.ToHexString),
                written.Skip(first).Take(last - first + 1).Select(Convert.ToHexString));
            first = last + 1;
        }

        Assert.True(messages >= 4, $"{messages} messages: a HELLO and a command per operation");
    }

    [Fact]
    public void A_kept_sender_put_on_the_agenda_sends_as_Send_does()
    {
        var sim = new SimulatedLock(new LockSetup());
        SimulatedPhone phone = SimulatedPhone.Staff(sim);
        Action unlock = phone.Sender(Opcode.Unlock);
        Assert.Same(unlock, phone.Sender(Opcode.Unlock));
        Assert.NotSame(unlock, phone.Sender(Opcode.Lock));

        sim.At(0, unlock);
        sim.RunUntil(20_000);
        phone.Send(20_000, Opcode.Unlock);
        sim.RunUntil(40_000);

        Assert.Equal([ResultCode.Ok, ResultCode.AlreadyThere], phone.Responses.Select(r => r.Result));
        Assert.All(phone.Responses, r => Assert.Equal(Opcode.Unlock, r.Opcode));
    }

    [Fact]
    public void A_phone_that_keeps_no_responses_still_counts_them_and_keeps_those_not_ok()
    {
        SimulatedPhone keeping = Visit(keep: true);
        SimulatedPhone counting = Visit(keep: false);

        Assert.Equal(3, keeping.Responses.Count);
        Assert.Contains(keeping.Responses, r => r.Result == ResultCode.AlreadyThere);
        Assert.Empty(counting.Responses);
        Assert.Equal(keeping.Answered, counting.Answered);
        Assert.Equal(3, counting.Answered);
        Assert.Equal(keeping.Responses.Where(r => r.Result != ResultCode.Ok).Select(r => (r.Opcode, r.Result, r.Counter)),
            counting.NotOk.Select(r => (r.Opcode, r.Result, r.Counter)));
    }

    [Fact]
    public void A_link_that_lends_its_notifications_gives_the_handlers_the_same_bytes_and_the_phone_the_same_answers()
    {
        (List<string> copied, int copies, SimulatedPhone phone) = Heard(lend: false);
        (List<string> lent, int buffers, SimulatedPhone borrower) = Heard(lend: true);

        Assert.True(copied.Count >= 6, $"{copied.Count} notifications");
        Assert.Equal(copied.Count, copies);
        Assert.True(buffers < lent.Count, $"{buffers} buffers for {lent.Count} notifications: none was lent twice");
        Assert.Equal(copied, lent);
        Assert.Equal(phone.Responses.Select(r => (r.Opcode, r.Result, r.Counter)), borrower.Responses.Select(r => (r.Opcode, r.Result, r.Counter)));
    }

    /// <summary>What the handlers heard, in how many distinct arrays, and the phone that heard it.</summary>
    private static (List<string> Notifications, int Arrays, SimulatedPhone Phone) Heard(bool lend)
    {
        var sim = new SimulatedLock(new LockSetup());
        sim.Radio.LendNotifications = lend;
        var heard = new List<string>();
        var arrays = new HashSet<byte[]>(ReferenceEqualityComparer.Instance);
        sim.Radio.Notified += n =>
        {
            heard.Add(Convert.ToHexString(n));
            arrays.Add(n);
        };
        SimulatedPhone phone = SimulatedPhone.Staff(sim);
        phone.Send(0, Opcode.Unlock);
        phone.Send(30_000, Opcode.Status);
        sim.RunUntil(60_000);
        Assert.Equal(2, phone.Answered);
        return (heard, arrays.Count, phone);
    }

    /// <summary>An unlock, the same unlock once the bolt is back (AlreadyThere), a status read.</summary>
    private static SimulatedPhone Visit(bool keep)
    {
        var sim = new SimulatedLock(new LockSetup());
        SimulatedPhone phone = SimulatedPhone.Staff(sim);
        phone.KeepResponses = keep;
        phone.Send(0, Opcode.Unlock);
        phone.Send(30_000, Opcode.Unlock);
        phone.Send(60_000, Opcode.Status);
        sim.RunUntil(90_000);
        return phone;
    }
}
