#!/usr/bin/perl
# A small scriptable SMSC for the tests, on Debian's Net::SMPP (libnet-smpp-perl):
# an SMPP 3.4 peer whose protocol code none of ours wrote. It listens on
# 127.0.0.1 (a free port, printed on the first stdout line), serves one ESME
# connection at a time (reconnections welcome), and takes one command per stdin
# line, answering each with one JSON line on stdout. Faults on demand: hold or
# delay submit answers, answer ESME_RTHROTTLED or any status, drop the link,
# ignore enquire_link. It records every submit_sm it receives and the largest
# number it held unanswered at once. It exits when stdin closes.
#
# Usage: perl smsc.pl [--system-id ID] [--password PW] [--ids decimal|hex]
#
# Commands: stats | reset | hold | release | delay MS | throttle K |
#   fail K STATUS_HEX | enquire on|off | ids decimal|hex | drop |
#   receipt ID STAT asis|hex|dec [tlv] | deliver FROM TON DATA_CODING ESM_CLASS HEX |
#   garbage HEX (these raw bytes written to the ESME connection as they are)
use strict;
use warnings;
use Getopt::Long;
use IO::Select;
use JSON::PP;
use Net::SMPP;
use Time::HiRes qw(time);

my %config = (system_id => 'promemoria', password => 'secret', ids => 'decimal');
GetOptions('system-id=s' => \$config{system_id}, 'password=s' => \$config{password}, 'ids=s' => \$config{ids})
    or die "bad arguments\n";

use constant {
    CMD_BIND_TRANSCEIVER  => 0x00000009,
    CMD_SUBMIT_SM         => 0x00000004,
    CMD_DELIVER_SM_RESP   => 0x80000005,
    CMD_ENQUIRE_LINK      => 0x00000015,
    CMD_ENQUIRE_LINK_RESP => 0x80000015,
    CMD_UNBIND            => 0x00000006,
    ESME_RINVCMDID        => 0x00000003,
    ESME_RINVPASWD        => 0x0000000E,
    ESME_RINVSYSID        => 0x0000000F,
    ESME_RTHROTTLED       => 0x00000058,
};

# A client gone mid-write must not kill us; the next read sees the end of file.
$SIG{PIPE} = 'IGNORE';
$| = 1;
my $json = JSON::PP->new->canonical;

my $listener = Net::SMPP->new_listen('127.0.0.1', port => 0, smpp_version => 0x34)
    or die "cannot listen: $!\n";
my $stdin = \*STDIN;
my $select = IO::Select->new($listener, $stdin);

my $client;            # the ESME connection, if any
my $bound = 0;
my @queued;            # submit answers not sent yet: { seq, id, status, due (undef = held) }
my %fault = (hold => 0, delay_ms => 0, throttle => 0, fail => 0, fail_status => 0, answer_enquire => 1);
my $next_id = 3000000000;    # B2D05E00 in hex: letters, so hex and decimal forms never look alike
my %submit_by_id;
my %stats;
reset_stats();

print $json->encode({ ready => JSON::PP::true, port => $listener->sockport }), "\n";

my $stdin_buffer = '';
while (1) {
    my @readable = $select->can_read(seconds_to_next_due());
    for my $handle (@readable) {
        if ($handle == $listener) {
            accept_client();
        } elsif ($handle == $stdin) {
            my $read = sysread(STDIN, $stdin_buffer, 65536, length $stdin_buffer);
            exit 0 if !$read;
            while ($stdin_buffer =~ s/^([^\n]*)\n//) {
                print $json->encode(command($1)), "\n";
            }
        } elsif (defined $client && $handle == $client) {
            serve_pdu();
        }
        # else: a connection replaced earlier in this round; it is closed already.
    }
    send_due_answers();
}

sub reset_stats {
    %stats = (
        connections => 0, binds => 0, bind_failures => 0, unbinds => 0,
        enquire_links => 0, enquire_links_ignored => 0,
        max_outstanding => 0, outstanding => 0,
        submits => [], deliver_resps => [],
    );
}

sub accept_client {
    my $new = $listener->accept or return;
    disconnect() if defined $client;    # one ESME at a time: the newcomer wins
    $client = $new;
    $bound = 0;
    $fault{answer_enquire} = 1;         # "ignore enquire_link" lasts for one connection
    $stats{connections}++;
    $select->add($client);
}

sub disconnect {
    return if !defined $client;
    $select->remove($client);
    close $client;
    undef $client;
    $bound = 0;
    @queued = ();                       # answers never sent: those submits stay unacknowledged
    $stats{outstanding} = 0;
}

sub serve_pdu {
    my $pdu = $client->read_pdu();
    if (!$pdu) {
        disconnect();
        return;
    }
    my $cmd = $pdu->{cmd};
    if ($cmd == CMD_BIND_TRANSCEIVER) {
        bind_transceiver($pdu);
    } elsif ($cmd == CMD_SUBMIT_SM) {
        submit_sm($pdu);
    } elsif ($cmd == CMD_ENQUIRE_LINK) {
        $stats{enquire_links}++;
        if ($fault{answer_enquire}) {
            $client->enquire_link_resp(seq => $pdu->{seq});
        } else {
            $stats{enquire_links_ignored}++;
        }
    } elsif ($cmd == CMD_UNBIND) {
        $stats{unbinds}++;
        $client->unbind_resp(seq => $pdu->{seq});
        disconnect();
    } elsif ($cmd == CMD_DELIVER_SM_RESP) {
        push @{ $stats{deliver_resps} }, { seq => $pdu->{seq}, status => $pdu->{status} };
    } elsif ($cmd == CMD_ENQUIRE_LINK_RESP) {
        # nothing to do: we never send enquire_link unprompted
    } else {
        $client->generic_nack(seq => $pdu->{seq}, status => ESME_RINVCMDID);
    }
}

sub bind_transceiver {
    my ($pdu) = @_;
    $stats{binds}++;
    my $status = $pdu->{system_id} ne $config{system_id} ? ESME_RINVSYSID
               : $pdu->{password} ne $config{password}   ? ESME_RINVPASWD
               : 0;
    $stats{last_bind} = { system_id => $pdu->{system_id}, system_type => $pdu->{system_type},
                          interface_version => $pdu->{interface_version} };
    $client->bind_transceiver_resp(system_id => 'perl-smsc', seq => $pdu->{seq}, status => $status);
    if ($status) {
        $stats{bind_failures}++;
        disconnect();                   # as real SMSCs do after a refused bind
    } else {
        $bound = 1;
    }
}

sub submit_sm {
    my ($pdu) = @_;
    my $record = {
        seq => $pdu->{seq},
        destination_addr => $pdu->{destination_addr}, dest_addr_ton => $pdu->{dest_addr_ton},
        source_addr => $pdu->{source_addr}, source_addr_ton => $pdu->{source_addr_ton},
        esm_class => $pdu->{esm_class}, data_coding => $pdu->{data_coding},
        registered_delivery => $pdu->{registered_delivery}, validity_period => $pdu->{validity_period},
        short_message => unpack('H*', $pdu->{short_message}),
        at => time, answered => JSON::PP::false,
    };
    push @{ $stats{submits} }, $record;
    $stats{outstanding}++;
    $stats{max_outstanding} = $stats{outstanding} if $stats{outstanding} > $stats{max_outstanding};

    my $status = 0;
    if (!$bound) {
        $status = 0x00000004;           # ESME_RINVBNDSTS
    } elsif ($fault{throttle} > 0) {
        $fault{throttle}--;
        $status = ESME_RTHROTTLED;
    } elsif ($fault{fail} > 0) {
        $fault{fail}--;
        $status = $fault{fail_status};
    }
    my $id = '';
    if ($status == 0) {
        $id = $config{ids} eq 'hex' ? sprintf('%X', $next_id) : "$next_id";
        $next_id++;
        $submit_by_id{$id} = $record;
    }
    $record->{message_id} = $id;
    $record->{status} = $status;
    my $answer = { seq => $pdu->{seq}, id => $id, status => $status, record => $record };
    if ($fault{hold}) {
        push @queued, $answer;
    } elsif ($fault{delay_ms} > 0) {
        $answer->{due} = time + $fault{delay_ms} / 1000;
        push @queued, $answer;
    } else {
        send_answer($answer);
    }
}

sub send_answer {
    my ($answer) = @_;
    return if !defined $client;
    $client->submit_sm_resp(message_id => $answer->{id}, seq => $answer->{seq}, status => $answer->{status});
    $answer->{record}{answered} = JSON::PP::true;
    $stats{outstanding}--;
}

sub seconds_to_next_due {
    my @due = map { $_->{due} } grep { defined $_->{due} } @queued;
    return undef if !@due;
    my ($first) = sort { $a <=> $b } @due;
    my $wait = $first - time;
    return $wait > 0 ? $wait : 0;
}

sub send_due_answers {
    my $now = time;
    my @later;
    for my $answer (@queued) {
        if (defined $answer->{due} && $answer->{due} <= $now) {
            send_answer($answer);
        } else {
            push @later, $answer;
        }
    }
    @queued = @later;
}

sub command {
    my ($line) = @_;
    my ($name, @args) = split ' ', $line;
    $name //= '';
    if ($name eq 'stats') {
        return { ok => JSON::PP::true, connected => defined $client ? JSON::PP::true : JSON::PP::false,
                 bound => $bound ? JSON::PP::true : JSON::PP::false, held => scalar(@queued), %stats };
    } elsif ($name eq 'reset') {
        reset_stats();
    } elsif ($name eq 'hold') {
        $fault{hold} = 1;
    } elsif ($name eq 'release') {
        $fault{hold} = 0;
        my @held = grep { !defined $_->{due} } @queued;
        @queued = grep { defined $_->{due} } @queued;
        send_answer($_) for @held;
    } elsif ($name eq 'delay') {
        $fault{delay_ms} = $args[0] // 0;
    } elsif ($name eq 'throttle') {
        $fault{throttle} = $args[0] // 0;
    } elsif ($name eq 'fail') {
        $fault{fail} = $args[0] // 0;
        $fault{fail_status} = hex($args[1] // '0');
    } elsif ($name eq 'enquire') {
        $fault{answer_enquire} = ($args[0] // 'on') eq 'on' ? 1 : 0;
    } elsif ($name eq 'ids') {
        $config{ids} = $args[0] // 'decimal';
    } elsif ($name eq 'drop') {
        disconnect();
    } elsif ($name eq 'receipt') {
        return receipt(@args);
    } elsif ($name eq 'deliver') {
        return deliver(@args);
    } elsif ($name eq 'garbage') {
        return garbage(@args);
    } else {
        return { ok => JSON::PP::false, error => "unknown command '$name'" };
    }
    return { ok => JSON::PP::true };
}

# receipt ID STAT FORM [tlv]: a delivery receipt for a message we accepted, its id
# written as we gave it (FORM asis), or converted (hex, dec); with "tlv" the
# receipted_message_id and message_state TLVs carry the id as we gave it.
sub receipt {
    my ($id, $stat, $form, $tlv) = @_;
    return { ok => JSON::PP::false, error => 'not bound' } if !$bound;
    my $submit = $submit_by_id{$id // ''};
    return { ok => JSON::PP::false, error => "no message $id" } if !$submit;
    my $written = $form eq 'hex' ? sprintf('%X', $id)
                : $form eq 'dec' ? hex($id)
                : $id;
    my %state = (DELIVRD => 2, EXPIRED => 3, DELETED => 4, UNDELIV => 5, ACCEPTD => 6, UNKNOWN => 7, REJECTD => 8);
    my $err = $stat eq 'DELIVRD' ? '000' : '001';
    my $text = "id:$written sub:001 dlvrd:" . ($stat eq 'DELIVRD' ? '001' : '000')
             . " submit date:2501151030 done date:2501151031 stat:$stat err:$err text:";
    my @tlvs = defined $tlv && $tlv eq 'tlv'
        ? (receipted_message_id => "$id\0", message_state => chr($state{$stat} // 7))
        : ();
    my $seq = $client->deliver_sm(
        source_addr_ton => $submit->{dest_addr_ton}, source_addr_npi => 1, source_addr => $submit->{destination_addr},
        dest_addr_ton => $submit->{source_addr_ton}, dest_addr_npi => 0, destination_addr => $submit->{source_addr},
        esm_class => 0x04, data_coding => 0, short_message => $text, async => 1, @tlvs);
    return { ok => JSON::PP::true, seq => $seq, text => $text };
}

# deliver FROM TON DATA_CODING ESM_CLASS HEX: an incoming message, bytes as given.
sub deliver {
    my ($from, $ton, $data_coding, $esm_class, $hex) = @_;
    return { ok => JSON::PP::false, error => 'not bound' } if !$bound;
    my $seq = $client->deliver_sm(
        source_addr_ton => $ton, source_addr_npi => 1, source_addr => $from,
        dest_addr_ton => 0, dest_addr_npi => 0, destination_addr => 'promemoria',
        esm_class => $esm_class, data_coding => $data_coding, short_message => pack('H*', $hex), async => 1);
    return { ok => JSON::PP::true, seq => $seq };
}

# garbage HEX: raw bytes on the ESME connection, outside any PDU framing (line
# noise, a confused SMSC): what the ESME makes of them is up to it.
sub garbage {
    my ($hex) = @_;
    return { ok => JSON::PP::false, error => 'not connected' } if !defined $client;
    return { ok => JSON::PP::false, error => 'garbage needs an even number of hex digits' }
        if !defined $hex || $hex !~ /^(?:[0-9A-Fa-f]{2})+$/;
    my $bytes = pack('H*', $hex);
    my $written = syswrite($client, $bytes);
    return { ok => JSON::PP::false, error => "write failed: $!" } if !defined $written;
    return { ok => JSON::PP::true, bytes => $written };
}
